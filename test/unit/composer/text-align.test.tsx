// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/composer/editor/read-document';
import type { DocNode, EmailContent } from '../../../src/template';
import { act, bodyEditor, editorOf, renderComposer, screen, waitFor } from './composer-harness';

const email = (...content: DocNode[]): EmailContent => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });
const text = (value: string): DocNode => ({ type: 'text', text: value });

describe('text alignment in the composer', () => {
  it('aligns the paragraph or heading with the caret from the toolbar, and shows which is pressed', async () => {
    const { user, latest } = renderComposer({
      channel: 'email',
      initialValue: email({ type: 'heading', attrs: { level: 1 }, content: [text('Title')] }, { type: 'paragraph', content: [text('Body')] }),
    });
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.chain().focus().setTextSelection(2).run();
    });
    const left = screen.getByRole('button', { name: 'Align left' });
    expect(left.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Align centre' }).title).toBe('Align centre (Ctrl+Shift+E)');

    await user.click(screen.getByRole('button', { name: 'Align centre' }));
    expect(latest().body.content?.[0]).toEqual({ type: 'heading', attrs: { level: 1, align: 'center' }, content: [text('Title')] });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Align centre' }).getAttribute('aria-pressed')).toBe('true'));
    expect(left.getAttribute('aria-pressed')).toBe('false');
    expect((bodyEditor().querySelector('h1') as HTMLElement).style.textAlign).toBe('center');

    await act(async () => {
      editor.chain().focus().setTextSelection(9).run();
    });
    await user.click(screen.getByRole('button', { name: 'Align right' }));
    expect(latest().body.content?.[1]).toEqual({ type: 'paragraph', attrs: { align: 'right' }, content: [text('Body')] });

    // Left is the unset state: the paragraph goes back to carrying no attributes.
    await user.click(left);
    expect(latest().body.content?.[1]).toEqual({ type: 'paragraph', content: [text('Body')] });
  });

  it('aligns with the keyboard shortcut', async () => {
    const { user, latest } = renderComposer({ channel: 'email', initialValue: email({ type: 'paragraph', content: [text('Body')] }) });
    await user.click(bodyEditor().querySelector('p')!);
    await user.keyboard('{Control>}{Shift>}e{/Shift}{/Control}');
    await waitFor(() => expect(latest().body.content?.[0].attrs).toEqual({ align: 'center' }));
  });

  it('loads an aligned document and reads it back identical, without a change', () => {
    const stored = email(
      { type: 'heading', attrs: { level: 2, align: 'right' }, content: [text('Title')] },
      { type: 'paragraph', attrs: { align: 'center' }, content: [text('Centred')] },
      { type: 'paragraph', attrs: { align: 'left' }, content: [text('Left, said so')] },
      { type: 'paragraph', content: [text('Plain')] },
    );
    const { changes } = renderComposer({ channel: 'email', initialValue: stored });
    const editor = editorOf(bodyEditor());
    expect((bodyEditor().querySelector('p') as HTMLElement).style.textAlign).toBe('center');
    expect(readDocument(editor)).toEqual(stored.body);
    expect(changes).toHaveLength(0);
  });

  it('offers no alignment in an SMS', () => {
    renderComposer({ channel: 'sms' });
    expect(screen.queryByRole('button', { name: 'Align centre' })).toBeNull();
  });
});
