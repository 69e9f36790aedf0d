import type { Editor } from '@tiptap/react';
import type { BlockCommand } from '../../blocks/block-command';
import { BLOCK_ACTIONS, INSERT_ACTIONS, type FormattingAction } from './formatting-actions';

/** The toolbar menus the `/` menu can open (their forms make the block). */
export const BLOCK_MENU_IDS = { image: 'image', socialLinks: 'socialLinks', showIf: 'showIf', unlockedItems: 'unlockedItems' } as const;

const DESCRIPTIONS: Record<string, { hint: string; keywords: string[] }> = {
  'heading-1': { hint: 'Large section title', keywords: ['h1', 'title'] },
  'heading-2': { hint: 'Smaller section title', keywords: ['h2', 'subtitle'] },
  bulletList: { hint: 'A list with bullets', keywords: ['ul', 'bullets'] },
  orderedList: { hint: 'A list with numbers', keywords: ['ol', 'numbers'] },
  divider: { hint: 'A line between sections', keywords: ['rule', 'hr', 'line'] },
  spacer: { hint: 'Empty vertical space', keywords: ['spacer', 'gap'] },
  'columns-2': { hint: 'Two blocks side by side', keywords: ['layout'] },
  'columns-3': { hint: 'Three blocks side by side', keywords: ['layout'] },
  footer: { hint: 'Site, address and unsubscribe', keywords: ['unsubscribe'] },
};

const fromAction = (action: FormattingAction): BlockCommand => ({
  id: action.id,
  label: action.label,
  ...(DESCRIPTIONS[action.id] ?? { hint: '', keywords: [] }),
  run: (editor) => void action.run(editor),
});

/** Selects the last `type` node before the caret: a block just inserted, so its settings open. */
function selectInserted(editor: Editor, type: string) {
  const { from } = editor.state.selection;
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === type && pos < from) found = pos;
    return pos < from;
  });
  if (found >= 0) editor.commands.setNodeSelection(found);
}

/**
 * What the `/` menu offers: the toolbar's block actions (one list: the same objects run), a quote, a
 * code block and a button, and the blocks made by a form (image, social links, Show if…, For each…),
 * whose toolbar menu it opens.
 */
export function blockCommands(openMenu: (id: string) => void): BlockCommand[] {
  const opens = (id: string, label: string, hint: string, keywords: string[]): BlockCommand => ({ id, label, hint, keywords, run: () => openMenu(id) });
  return [
    ...BLOCK_ACTIONS.map(fromAction),
    { id: 'blockquote', label: 'Quote', hint: 'A quotation, set apart', keywords: ['blockquote', 'testimonial'], run: (e) => void e.chain().focus().toggleBlockquote().run() },
    // The compiler renders code blocks and stored documents have them; without this only the ``` shortcut made one.
    { id: 'codeBlock', label: 'Code block', hint: 'Text in a fixed-width font, spaces kept', keywords: ['code', 'pre', 'monospace'], run: (e) => void e.chain().focus().toggleCodeBlock().run() },
    {
      id: 'button',
      label: 'Button',
      hint: 'A call to action, often a magic link',
      keywords: ['cta', 'link'],
      run: (e) => {
        if (e.chain().focus().insertButton({}).run()) selectInserted(e, 'button');
      },
    },
    opens(BLOCK_MENU_IDS.image, 'Image', 'Upload or link a picture', ['picture', 'photo', 'logo']),
    ...INSERT_ACTIONS.map(fromAction),
    opens(BLOCK_MENU_IDS.socialLinks, 'Social links', 'Icons linking to your pages', ['facebook', 'instagram', 'icons']),
    opens(BLOCK_MENU_IDS.showIf, 'Show if…', 'Blocks only some contacts get', ['condition', 'offer']),
    opens(BLOCK_MENU_IDS.unlockedItems, 'For each unlocked…', 'A card per course or community', ['courses', 'communities', 'repeat']),
  ];
}
