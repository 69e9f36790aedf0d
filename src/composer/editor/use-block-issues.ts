import type { Editor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { useIssueParts } from '../store/hooks';
import { blockAt, issueDecorationsKey, issueDecorationsPlugin, showBlockIssues } from './issue-decorations';

/**
 * Shows the host's issues about the body beside the blocks they concern (see issue-decorations.ts).
 * Returns the ones no block can carry — about the message as a whole, or pointing at a block that
 * is not there any more — for the body to list underneath.
 */
export function useBlockIssues(editor: Editor | null): string[] {
  const { blocks, message } = useIssueParts();

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.registerPlugin(issueDecorationsPlugin());
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(issueDecorationsKey);
    };
  }, [editor]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) showBlockIssues(editor.view, blocks);
  }, [editor, blocks]);

  return useMemo(() => {
    if (!editor || editor.isDestroyed) return message;
    const unplaced = blocks.filter((issue) => !blockAt(editor.state.doc, issue.indices)).map((issue) => issue.message);
    return [...message, ...unplaced];
  }, [editor, blocks, message]);
}
