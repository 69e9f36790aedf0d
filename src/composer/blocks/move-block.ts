import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { NodeSelection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';

/** Where the top-level block at `index` starts. */
function startOf(doc: ProseMirrorNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/** The index of the top-level block the selection is in, or null when it spans several. */
export function selectedTopLevelIndex(state: EditorState): number | null {
  const { selection } = state;
  if (selection instanceof NodeSelection && selection.$from.depth === 0) return selection.$from.index(0);
  const index = selection.$from.index(0);
  return selection.$from.depth > 0 && selection.$to.depth > 0 && selection.$to.index(0) === index ? index : null;
}

/**
 * Swaps the top-level block holding the selection with its neighbour above (-1) or below (+1),
 * keeping the selection where it was inside the block. Null when there is nothing to swap with.
 */
export function moveTopLevelBlock(state: EditorState, direction: -1 | 1): Transaction | null {
  const index = selectedTopLevelIndex(state);
  if (index === null) return null;
  const { doc, selection } = state;
  const neighbour = index + direction;
  if (neighbour < 0 || neighbour >= doc.childCount) return null;
  const first = Math.min(index, neighbour);
  const [upper, lower] = [doc.child(first), doc.child(first + 1)];
  const start = startOf(doc, first);
  const tr = state.tr.replaceWith(start, start + upper.nodeSize + lower.nodeSize, [lower, upper]);
  // The moved block shifts by its neighbour's size: up by it, or down by it.
  const shift = direction === -1 ? -doc.child(neighbour).nodeSize : doc.child(neighbour).nodeSize;
  tr.setSelection(
    selection instanceof NodeSelection
      ? NodeSelection.create(tr.doc, selection.from + shift)
      : TextSelection.create(tr.doc, selection.anchor + shift, selection.head + shift),
  );
  return tr.scrollIntoView();
}

/** Moves the top-level block that starts at `from` to the gap at `to` (a position between top-level blocks). */
export function moveTopLevelBlockTo(state: EditorState, from: number, to: number): Transaction | null {
  const node = state.doc.nodeAt(from);
  if (!node || state.doc.resolve(from).depth !== 0 || state.doc.resolve(to).depth !== 0) return null;
  if (to >= from && to <= from + node.nodeSize) return null; // dropped onto itself
  const tr = state.tr.delete(from, from + node.nodeSize);
  const target = tr.mapping.map(to);
  tr.insert(target, node);
  return tr.setSelection(NodeSelection.create(tr.doc, target)).scrollIntoView();
}
