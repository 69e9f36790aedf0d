// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../src/template';
import { act, bodyEditor, editorOf, renderComposer, screen, waitFor } from './composer-harness';

const oneParagraph = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('the toolbar for layout blocks', () => {
  it('inserts columns, a spacer and the footer from their buttons', async () => {
    const { user, latest } = renderComposer({ channel: 'email', initialValue: { subject: '', previewText: '', body: oneParagraph('Hello') } });
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.chain().focus().setTextSelection(6).run();
    });
    await user.click(screen.getByRole('button', { name: 'Footer with unsubscribe link' }));
    await act(async () => {
      editor.chain().focus().setTextSelection(6).run();
    });
    await user.click(screen.getByRole('button', { name: '2 columns' }));
    await act(async () => {
      editor.chain().focus().setTextSelection(6).run();
    });
    await user.click(screen.getByRole('button', { name: 'Space' }));
    await waitFor(() => expect(latest().body.content?.map((node) => node.type).slice(0, 4)).toEqual(['paragraph', 'spacer', 'columns', 'footer']));
  });

  it('sets a selected space’s height from its settings, refusing one the email does not allow', async () => {
    const { user, latest } = renderComposer({
      channel: 'email',
      initialValue: { subject: '', previewText: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }, { type: 'spacer', attrs: { height: 32 } }] } },
    });
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.chain().focus().setNodeSelection(4).run();
    });
    const settings = await screen.findByRole('dialog', { name: 'Space settings' });
    const height = screen.getByLabelText('Height (px)');
    expect((height as HTMLInputElement).value).toBe('32');
    await user.clear(height);
    await user.type(height, '200');
    await user.click(screen.getByRole('button', { name: 'Set height' }));
    expect(settings.querySelector('[role="alert"]')?.textContent).toBe('A whole number of pixels from 8 to 160.');
    expect(editor.state.doc.child(1).attrs.height).toBe(32);
    await user.clear(height);
    await user.type(height, '24');
    await user.click(screen.getByRole('button', { name: 'Set height' }));
    await waitFor(() => expect(latest().body.content?.[1]).toEqual({ type: 'spacer', attrs: { height: 24 } }));
  });

  it('names the keyboard shortcut in the tooltip', () => {
    renderComposer({ channel: 'email', initialValue: { subject: '', previewText: '', body: oneParagraph('Hello') } });
    const bold = screen.getByRole('button', { name: 'Bold' });
    expect(bold.title).toBe('Bold (Ctrl+B)');
    expect(bold.getAttribute('aria-keyshortcuts')).toBe('Control+B');
    expect(screen.getByRole('button', { name: 'Bulleted list' }).title).toBe('Bulleted list (Ctrl+Shift+8)');
    expect(screen.getByRole('button', { name: '2 columns' }).title).toBe('2 columns');
  });

  it('offers no layout blocks in an SMS', () => {
    renderComposer({ channel: 'sms', initialValue: { body: oneParagraph('Hi') } });
    expect(screen.queryByRole('button', { name: 'Space' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Footer with unsubscribe link' })).toBeNull();
  });
});
