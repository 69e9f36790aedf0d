import { EditorContent, type JSONContent } from '@tiptap/react';
import { useState } from 'react';
import type { DocNode } from '../../../template';
import { emailExtensions, smsExtensions } from '../../extensions/extension-sets';
import { findBlockCommands } from '../../blocks/block-command';
import { BlockDragHandle } from '../../extensions/block-drag-handle';
import { PasteCleanup } from '../../extensions/paste-cleanup';
import { SlashCommands, slashCommandsKey } from '../../extensions/slash-commands';
import { suggestionListRenderer } from '../../editor/suggestion-list-bridge';
import type { ComposerStore } from '../../store/composer-store';
import { useComposerStoreApi } from '../../store/ComposerStoreContext';
import { readDocument } from '../../editor/read-document';
import { useExtensionDeps } from '../../editor/use-extension-deps';
import { useSyncedEditor } from '../../editor/use-synced-editor';
import { useBlockIssues } from '../../editor/use-block-issues';
import { useBody, useComposerAction, useComposerConfig, useLabels } from '../../store/hooks';
import type { Channel } from '../../types';
import { ButtonBubbleMenu } from '../bubble-menu/ButtonBubbleMenu';
import { LinkBubbleMenu } from '../bubble-menu/LinkBubbleMenu';
import { MergeFieldBubbleMenu } from '../bubble-menu/MergeFieldBubbleMenu';
import { SpacerBubbleMenu } from '../bubble-menu/SpacerBubbleMenu';
import { blockCommands } from '../toolbar/block-commands';
import { Toolbar } from '../toolbar/Toolbar';
import { EditorPlaceholder } from './EditorPlaceholder';
import { ImageUploadStatus } from './ImageUploadStatus';
import '../../media-blocks.css';

// Tiptap's JSONContent and the template's DocNode describe the same JSON.
const asDocument = (body: DocNode): JSONContent => body;

/** `/` opens the block menu; its entries are the toolbar's block actions and menus. */
function slashCommandExtension(store: ComposerStore) {
  const commands = blockCommands((id) => store.getState().requestMenu(id));
  return SlashCommands.configure({ findCommands: (query) => findBlockCommands(commands, query), render: suggestionListRenderer(store, 'blockMenu', slashCommandsKey) });
}

/** The message body: toolbar, the rich-text editor for the channel, and its bubble menus. Keyed by channel. */
export function BodyEditor({ channel }: { channel: Channel }) {
  const body = useBody();
  const labels = useLabels();
  const editBody = useComposerAction('editBody');
  const deps = useExtensionDeps({ magicLinks: true });
  const store = useComposerStoreApi();
  // Blocks by `/` and moved by a handle: the full email editor only (a compact thread composer has
  // no block tools either).
  const { compact } = useComposerConfig();
  const blockTools = channel === 'email' && !compact;
  const [pasteNotice, setPasteNotice] = useState<string | null>(null);
  const editor = useSyncedEditor({
    value: body,
    toContent: asDocument,
    read: readDocument,
    onEdit: editBody,
    createExtensions: () => [
      ...(channel === 'sms' ? smsExtensions(deps) : emailExtensions(deps)),
      PasteCleanup.configure({ images: channel === 'email', onPaste: setPasteNotice }),
      ...(blockTools ? [slashCommandExtension(store), BlockDragHandle] : []),
    ],
    attributes: {
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': channel === 'sms' ? labels.smsMessage : labels.emailBody,
      class: 'ml-editor-content',
    },
  });

  const unplaced = useBlockIssues(editor);

  if (!editor) return null;
  return (
    <div className="ml-body">
      <Toolbar editor={editor} channel={channel} />
      {channel === 'email' && <ImageUploadStatus />}
      <div className="ml-editor">
        <EditorContent editor={editor} />
        <EditorPlaceholder editor={editor} text={channel === 'sms' ? labels.smsMessagePlaceholder : labels.emailBodyPlaceholder} />
      </div>
      {pasteNotice && (
        <p className="ml-paste-notice" role="status">
          {pasteNotice}{' '}
          <button type="button" className="ml-link-button" onClick={() => setPasteNotice(null)}>
            OK
          </button>
        </p>
      )}
      {unplaced.length > 0 && (
        <ul className="ml-issues" aria-label="To fix in this message">
          {unplaced.map((message) => (
            <li key={message} className="ml-issue">
              {message}
            </li>
          ))}
        </ul>
      )}
      <LinkBubbleMenu editor={editor} />
      {channel === 'email' && <ButtonBubbleMenu editor={editor} />}
      {channel === 'email' && <SpacerBubbleMenu editor={editor} />}
      <MergeFieldBubbleMenu editor={editor} />
    </div>
  );
}
