import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

/** One problem the server found in a block, shown right after that block until the block is edited. */
interface MarkedBlock {
  from: number;
  /** The block as it was when marked: once it differs, the author has worked on it. */
  node: PmNode;
  message: string;
}

export const issueDecorationsKey = new PluginKey<MarkedBlock[]>('memberlinkIssues');

/**
 * The deepest block the `content[i]` chain reaches, and where it starts. Inline content (text, merge
 * fields) is marked through its block: the paragraph holding a bad link is what the author sees.
 */
export function blockAt(doc: PmNode, indices: readonly number[]): { from: number; node: PmNode } | null {
  let parent = doc;
  let start = 0;
  let found: { from: number; node: PmNode } | null = null;
  for (const index of indices) {
    if (index >= parent.childCount) break;
    let from = start;
    for (let i = 0; i < index; i++) from += parent.child(i).nodeSize;
    const child = parent.child(index);
    if (!child.isBlock) break;
    found = { from, node: child };
    parent = child;
    start = from + 1;
  }
  return found;
}

/** Shows `issues` (already resolved to blocks) in the editor, replacing the ones shown before. */
export function showBlockIssues(view: EditorView, issues: Array<{ indices: readonly number[]; message: string }>): void {
  const marked = issues.flatMap(({ indices, message }) => {
    const block = blockAt(view.state.doc, indices);
    return block ? [{ ...block, message }] : [];
  });
  view.dispatch(view.state.tr.setMeta(issueDecorationsKey, marked));
}

function decorations(state: EditorState): DecorationSet {
  const marked = issueDecorationsKey.getState(state) ?? [];
  if (marked.length === 0) return DecorationSet.empty;
  const messagesByBlock = new Map<number, MarkedBlock[]>();
  for (const block of marked) messagesByBlock.set(block.from, [...(messagesByBlock.get(block.from) ?? []), block]);
  return DecorationSet.create(
    state.doc,
    [...messagesByBlock.values()].flatMap((blocks) => {
      const { from, node } = blocks[0];
      const id = `ml-issue-${from}`;
      const text = blocks.map((block) => block.message);
      return [
        Decoration.node(from, from + node.nodeSize, { class: 'ml-block--invalid', 'aria-describedby': id }),
        Decoration.widget(
          from + node.nodeSize,
          () => {
            const note = document.createElement('div');
            note.className = 'ml-issue';
            note.id = id;
            note.contentEditable = 'false';
            note.textContent = text.join(' · ');
            return note;
          },
          { side: -1, key: `${id}:${text.join('|')}`, ignoreSelection: true },
        ),
      ];
    }),
  );
}

/** Keeps each marked block's message attached to it while the document changes around it. */
export function issueDecorationsPlugin(): Plugin<MarkedBlock[]> {
  return new Plugin<MarkedBlock[]>({
    key: issueDecorationsKey,
    state: {
      init: () => [],
      apply(tr, marked, _old, state) {
        const replaced = tr.getMeta(issueDecorationsKey) as MarkedBlock[] | undefined;
        if (replaced) return replaced;
        if (!tr.docChanged) return marked;
        return marked.flatMap((block) => {
          const mapped = tr.mapping.mapResult(block.from, 1);
          if (mapped.deleted) return [];
          const now = state.doc.nodeAt(mapped.pos);
          return now && now.eq(block.node) ? [{ ...block, from: mapped.pos }] : [];
        });
      },
    },
    props: { decorations },
  });
}
