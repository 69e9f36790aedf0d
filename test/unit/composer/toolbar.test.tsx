// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../src/template';
import { act, bodyEditor, editorOf, nodesOfType, renderComposer, screen, textWithMark, waitFor } from './composer-harness';

const oneParagraph = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('the toolbar', () => {
  it('toggles marks on the selection and shows them as pressed', async () => {
    const { user, latest } = renderComposer({ channel: 'email', initialValue: { subject: '', previewText: '', body: oneParagraph('Hello world') } });
    await act(async () => {
      editorOf(bodyEditor()).chain().focus().setTextSelection({ from: 1, to: 6 }).run();
    });
    const bold = screen.getByRole('button', { name: 'Bold' });
    expect(bold.getAttribute('aria-pressed')).toBe('false');

    await user.click(bold);
    expect(textWithMark(latest().body, 'bold').map((node) => node.text)).toEqual(['Hello']);
    await waitFor(() => expect(bold.getAttribute('aria-pressed')).toBe('true'));

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(textWithMark(latest().body, 'bold')).toHaveLength(0);
  });

  it('makes headings and lists', async () => {
    const body: DocNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Title' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Point' }] },
      ],
    };
    const { user, latest } = renderComposer({ channel: 'email', initialValue: { subject: '', previewText: '', body } });
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.chain().focus().setTextSelection(2).run();
    });
    await user.click(screen.getByRole('button', { name: 'Heading 2' }));
    await act(async () => {
      editor.chain().focus().setTextSelection(editor.state.doc.content.size - 2).run();
    });
    await user.click(screen.getByRole('button', { name: 'Bulleted list' }));

    expect(latest().body.content?.map((block) => block.type)).toEqual(['heading', 'bulletList', 'paragraph']); // the trailing paragraph keeps a place to type after the list
    expect(latest().body.content?.[0].attrs).toMatchObject({ level: 2 });
    expect(screen.getByRole('button', { name: 'Bulleted list' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('inserts a field from the Insert field menu, grouped by kind', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.click(screen.getByRole('button', { name: 'Insert field' }));
    const siteGroup = screen.getByRole('group', { name: 'Site' });
    expect(screen.queryByRole('group', { name: 'Magic links' })).toBeNull();
    await user.click(siteGroup.querySelector('button') as HTMLButtonElement);

    expect(nodesOfType(latest().body, 'mergeField')[0].attrs?.key).toBe('site.title');
    expect(screen.queryByRole('dialog', { name: 'Insert field' })).toBeNull();
  });

  it('inserts an image by web address and refuses anything else', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.click(screen.getByRole('button', { name: 'Image' }));
    const address = screen.getByRole('textbox', { name: 'Image address' });
    await user.type(address, 'data:image/png;base64,AAAA{Enter}');
    expect(screen.getAllByRole('alert')[0].textContent).toMatch(/https:\/\//);

    await user.clear(address);
    await user.type(address, 'https://cdn.example.com/logo.png');
    await user.type(screen.getByRole('textbox', { name: 'Description (alt text)' }), 'Academy logo{Enter}');
    expect(nodesOfType(latest().body, 'image')[0].attrs).toMatchObject({ src: 'https://cdn.example.com/logo.png', alt: 'Academy logo' });
  });

  it('closes a menu on Escape and returns focus to its button', async () => {
    const { user } = renderComposer({ channel: 'email' });
    const trigger = screen.getByRole('button', { name: 'Link' });
    await user.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Link address' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Link' })).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('closes the Magic link menu when Tab takes focus out of it, so it does not stay over the editor', async () => {
    const { user } = renderComposer({ channel: 'email' });
    const trigger = screen.getByRole('button', { name: 'Magic link' });
    await user.click(trigger);
    const menu = screen.getByRole('dialog', { name: 'Magic link' });
    const controls = menu.querySelectorAll<HTMLElement>('select, input, button:not([disabled])');
    act(() => controls[controls.length - 1].focus());

    await user.tab();
    expect(screen.queryByRole('dialog', { name: 'Magic link' })).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(menu.contains(document.activeElement)).toBe(false);
  });

  it('keeps a menu open while focus moves between its own controls', async () => {
    const { user } = renderComposer({ channel: 'email' });
    await user.click(screen.getByRole('button', { name: 'Link' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Link address' }));
    await user.tab();
    expect(screen.getByRole('dialog', { name: 'Link' }).contains(document.activeElement)).toBe(true);
  });

  it('moves between its buttons with the arrow keys', async () => {
    const { user } = renderComposer({ channel: 'email' });
    const bold = screen.getByRole('button', { name: 'Bold' });
    act(() => bold.focus());
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Italic' }));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    // Undo and redo are disabled in a fresh editor, so the left neighbour of Bold wraps to the end.
    const toolbarButtons = screen.getByRole('toolbar', { name: 'Formatting' }).querySelectorAll(':scope > button, :scope > .ml-menu > button');
    expect(document.activeElement).toBe(toolbarButtons[toolbarButtons.length - 1]);
  });
});
