// @vitest-environment jsdom
import { fireEvent } from '@testing-library/react';
import { NodeSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { moveTopLevelBlockTo } from '../../../src/composer/blocks/move-block';
import type { DocNode, EmailContent } from '../../../src/template';
import { act, bodyEditor, editorOf, renderComposer, waitFor } from './composer-harness';

const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const email = (...content: DocNode[]): EmailContent => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });
const texts = (body: DocNode) => (body.content ?? []).map((block) => block.content?.[0]?.text ?? block.type);

describe('moving top-level blocks', () => {
  it('moves the block holding the caret up and down with Mod-Shift-Arrow, the caret going along', async () => {
    const { user, latest } = renderComposer({ channel: 'email', initialValue: email(p('One'), p('Two'), p('Three')) });
    const paragraphs = bodyEditor().querySelectorAll('p');
    await user.click(paragraphs[1]);
    await act(async () => {
      editorOf(bodyEditor()).commands.setTextSelection(9); // after "Two"
    });

    await user.keyboard('{Control>}{Shift>}{ArrowUp}{/Shift}{/Control}');
    await waitFor(() => expect(texts(latest().body)).toEqual(['Two', 'One', 'Three']));
    // Already first: nothing to swap with.
    await user.keyboard('{Control>}{Shift>}{ArrowUp}{/Shift}{/Control}');
    await user.keyboard('{Control>}{Shift>}{ArrowDown}{ArrowDown}{/Shift}{/Control}');
    await waitFor(() => expect(texts(latest().body)).toEqual(['One', 'Three', 'Two']));
    await user.keyboard('!');
    expect(texts(latest().body)).toEqual(['One', 'Three', 'Two!']);
  });

  it('moves a selected block that is one piece (a divider) too', async () => {
    const { latest } = renderComposer({ channel: 'email', initialValue: email(p('One'), { type: 'horizontalRule' }, p('Two')) });
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.chain().focus().setNodeSelection(5).run();
    });
    fireEvent.keyDown(bodyEditor(), { key: 'ArrowDown', ctrlKey: true, shiftKey: true });
    // The trailing paragraph keeps a place to type after a last divider.
    await waitFor(() => expect(texts(latest().body)).toEqual(['One', 'Two', 'horizontalRule', 'paragraph']));
    expect(editor.state.selection).toBeInstanceOf(NodeSelection);
  });

  it('shows a drag handle beside the hovered block; dragging it selects and carries that block', async () => {
    const { latest } = renderComposer({ channel: 'email', initialValue: email(p('One'), p('Two'), p('Three')) });
    const editor = editorOf(bodyEditor());
    const handle = bodyEditor().parentElement!.querySelector<HTMLElement>('[data-drag-handle]')!;
    expect(handle.hidden).toBe(true);
    expect(handle.getAttribute('aria-hidden')).toBe('true');

    fireEvent.mouseMove(bodyEditor().querySelectorAll('p')[2].firstChild!);
    expect(handle.hidden).toBe(false);
    fireEvent.dragStart(handle);
    expect(editor.state.selection).toBeInstanceOf(NodeSelection);
    expect((editor.state.selection as NodeSelection).node.textContent).toBe('Three');
    expect(editor.view.dragging?.move).toBe(true);

    // The drop lands in a gap between top-level blocks: here the first one.
    await act(async () => {
      editor.view.dispatch(moveTopLevelBlockTo(editor.state, editor.state.selection.from, 0)!);
    });
    expect(texts(latest().body)).toEqual(['Three', 'One', 'Two']);
  });

  it('refuses a drop onto the block itself or inside another block', async () => {
    renderComposer({ channel: 'email', initialValue: email(p('One'), p('Two')) });
    const { state } = editorOf(bodyEditor());
    expect(moveTopLevelBlockTo(state, 0, 0)).toBeNull();
    expect(moveTopLevelBlockTo(state, 0, 5)).toBeNull(); // right after itself
    expect(moveTopLevelBlockTo(state, 0, 7)).toBeNull(); // inside "Two"
    expect(moveTopLevelBlockTo(state, 0, 10)).not.toBeNull();
  });

  it('has no drag handle in an SMS', () => {
    renderComposer({ channel: 'sms' });
    expect(bodyEditor('SMS message').parentElement!.querySelector('[data-drag-handle]')).toBeNull();
  });
});
