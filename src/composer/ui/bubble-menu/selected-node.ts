import type { Editor } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';

/** The attributes of the node of `type` selected as a whole (a clicked chip or button), else null. */
export function selectedNodeAttributes(editor: Editor, type: string): Record<string, unknown> | null {
  const { selection } = editor.state;
  return selection instanceof NodeSelection && selection.node.type.name === type ? selection.node.attrs : null;
}
