import { Extension } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedHtml, describePasteDrops } from '../paste/clean-pasted-html';

export interface PasteCleanupOptions {
  /** Whether the channel has images at all (an SMS does not). */
  images: boolean;
  /** After each paste: what it lost, in words, or null when it kept everything. */
  onPaste: (notice: string | null) => void;
}

/**
 * Pastes keep only what the message format accepts (see cleanPastedHtml), and the body says what
 * was left out — the parser would drop most of it anyway, but silently.
 */
export const PasteCleanup = Extension.create<PasteCleanupOptions>({
  name: 'pasteCleanup',
  addOptions: () => ({ images: true, onPaste: () => undefined }),
  addProseMirrorPlugins() {
    const { images, onPaste } = this.options;
    return [
      new Plugin({
        key: new PluginKey('pasteCleanup'),
        props: {
          transformPastedHTML: (html) => {
            const cleaned = cleanPastedHtml(html, { images });
            onPaste(describePasteDrops(cleaned.drops, { images }));
            return cleaned.html;
          },
          // Plain text loses nothing: an earlier paste's notice no longer applies.
          transformPastedText: (text) => {
            onPaste(null);
            return text;
          },
        },
      }),
    ];
  },
});
