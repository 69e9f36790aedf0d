import { useEditorState, type Editor } from '@tiptap/react';
import LinkIcon from 'lucide-react/icons/link';
import { LinkForm } from '../forms/LinkForm';
import { ToolbarMenu } from './ToolbarMenu';

/** The toolbar's link control: the shared LinkForm in a menu, pressed while the caret is in a link. */
export function LinkMenu({ editor }: { editor: Editor }) {
  const inLink = useEditorState({ editor, selector: ({ editor: e }) => e.isActive('link') });
  return (
    <ToolbarMenu label={inLink ? 'Edit link' : 'Link'} icon={LinkIcon}>
      {(close) => <LinkForm editor={editor} onDone={close} />}
    </ToolbarMenu>
  );
}
