import { Extension } from '@tiptap/react';
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { moveTopLevelBlock, moveTopLevelBlockTo } from '../blocks/move-block';

export const blockDragHandleKey = new PluginKey('blockDragHandle');

/** The direct child of the editor's element that holds `target`: a top-level block's DOM. */
function topLevelElement(view: EditorView, target: EventTarget | null): HTMLElement | null {
  let element = target instanceof Node ? (target instanceof HTMLElement ? target : target.parentElement) : null;
  while (element && element.parentElement !== view.dom) element = element.parentElement;
  return element && element.parentElement === view.dom ? element : null;
}

/** Where the top-level block drawn by `element` starts, or null. */
function topLevelPosOf(view: EditorView, element: HTMLElement): number | null {
  try {
    const $pos = view.state.doc.resolve(view.posAtDOM(element, 0));
    return $pos.depth === 0 ? $pos.pos : $pos.before(1);
  } catch {
    return null;
  }
}

/** The gap between top-level blocks nearest to where something was dropped. */
function dropGap(view: EditorView, event: DragEvent): number | null {
  const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
  if (!at) return null;
  const $pos = view.state.doc.resolve(at.pos);
  if ($pos.depth === 0) return $pos.pos;
  const before = $pos.before(1);
  const dom = view.nodeDOM(before);
  if (!(dom instanceof HTMLElement)) return before;
  const rect = dom.getBoundingClientRect();
  return event.clientY < rect.top + rect.height / 2 ? before : $pos.after(1);
}

/**
 * A handle beside the top-level block under the pointer: drag it and the block moves to the gap
 * between blocks where it is dropped. Its keyboard twin: Mod-Shift-ArrowUp / ArrowDown moves the
 * block holding the caret. Hidden from assistive technology, which has the keys.
 */
function dragHandlePlugin() {
  let dragged: number | null = null;
  return new Plugin({
    key: blockDragHandleKey,
    view(view) {
      const handle = document.createElement('div');
      handle.className = 'ml-drag-handle';
      handle.draggable = true;
      handle.setAttribute('aria-hidden', 'true');
      handle.setAttribute('data-drag-handle', '');
      handle.title = 'Drag to move this block';
      handle.hidden = true;
      let hovered: number | null = null;

      const place = (element: HTMLElement | null) => {
        const pos = element && topLevelPosOf(view, element);
        if (pos === null || pos === undefined || !element) return;
        hovered = pos;
        handle.hidden = false;
        handle.style.top = `${element.offsetTop}px`;
      };
      // Not while a button is held: the pointer travelling to the drop place must not change the block dragged.
      const onMouseMove = (event: MouseEvent) => {
        if (event.buttons === 0) place(topLevelElement(view, event.target));
      };
      const onDragStart = (event: DragEvent) => {
        if (hovered === null || !view.state.doc.nodeAt(hovered)) return;
        const selection = NodeSelection.create(view.state.doc, hovered);
        view.dispatch(view.state.tr.setSelection(selection));
        const slice = selection.content();
        const { dom, text } = view.serializeForClipboard(slice);
        event.dataTransfer?.clearData();
        event.dataTransfer?.setData('text/html', dom.innerHTML);
        event.dataTransfer?.setData('text/plain', text);
        const block = view.nodeDOM(hovered);
        if (block instanceof HTMLElement) event.dataTransfer?.setDragImage(block, 0, 0);
        dragged = hovered;
        // ProseMirror's own drag state: the drop cursor shows, and a drop elsewhere still moves.
        view.dragging = { slice, move: true };
      };
      const onDragEnd = () => {
        dragged = null;
      };
      const container = view.dom.parentElement;
      const onLeave = () => {
        handle.hidden = true;
        hovered = null;
      };

      view.dom.addEventListener('mousemove', onMouseMove);
      handle.addEventListener('dragstart', onDragStart);
      handle.addEventListener('dragend', onDragEnd);
      container?.addEventListener('mouseleave', onLeave);
      container?.append(handle);
      return {
        update() {
          // The block under the handle may have moved or gone.
          if (hovered !== null && hovered > view.state.doc.content.size) handle.hidden = true;
        },
        destroy() {
          view.dom.removeEventListener('mousemove', onMouseMove);
          container?.removeEventListener('mouseleave', onLeave);
          handle.remove();
        },
      };
    },
    props: {
      handleDrop(view, event) {
        if (dragged === null) return false;
        const from = dragged;
        dragged = null;
        const gap = dropGap(view, event);
        const tr = gap === null ? null : moveTopLevelBlockTo(view.state, from, gap);
        view.dragging = null;
        if (tr) view.dispatch(tr);
        // Handled either way: a block dropped where it cannot go stays where it was.
        event.preventDefault();
        return true;
      },
    },
  });
}

/** The drag handle and the keys that move the block holding the caret up and down. */
export const BlockDragHandle = Extension.create({
  name: 'blockDragHandle',

  addProseMirrorPlugins() {
    return [dragHandlePlugin()];
  },

  addKeyboardShortcuts() {
    const move = (direction: -1 | 1) => () => {
      const tr = moveTopLevelBlock(this.editor.state, direction);
      if (!tr) return false;
      this.editor.view.dispatch(tr);
      return true;
    };
    return { 'Mod-Shift-ArrowUp': move(-1), 'Mod-Shift-ArrowDown': move(1) };
  },
});
