import { useEditorState, type Editor } from '@tiptap/react';
import { LinkForm } from '../forms/LinkForm';
import { SelectionBubbleMenu } from './SelectionBubbleMenu';

const isInLink = (editor: Editor) => editor.isActive('link');

/** Edit or remove the link under the caret. */
export function LinkBubbleMenu({ editor }: { editor: Editor }) {
  // A fresh form per link, so moving from one link to another never shows the previous address.
  const href = useEditorState({ editor, selector: ({ editor: e }) => (e.getAttributes('link').href as string | undefined) ?? '' });
  return (
    <SelectionBubbleMenu editor={editor} showFor={isInLink} label="Link">
      <LinkForm key={href} editor={editor} onDone={() => undefined} />
    </SelectionBubbleMenu>
  );
}
