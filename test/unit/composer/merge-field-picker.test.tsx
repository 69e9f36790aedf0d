// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, bodyEditor, editorOf, literal, nodesOfType, renderComposer, screen, waitFor } from './composer-harness';

const openPickerIn = async (user: ReturnType<typeof renderComposer>['user'], text: string) => {
  await user.click(bodyEditor());
  await user.keyboard(literal(text));
  return screen.findByRole('listbox', { name: 'Insert field' });
};

describe('the {{ field picker', () => {
  it('opens on {{, filters as you type, and Enter inserts a mergeField with the chosen key', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    const list = await openPickerIn(user, 'Hi {{');
    expect(screen.getAllByRole('option').length).toBeGreaterThan(5);
    expect(list.id).toBe(bodyEditor().getAttribute('aria-controls'));

    await user.keyboard('last');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    expect(screen.getByRole('option', { name: /Last name/ }).getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());

    expect(latest().body.content?.[0].content).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'mergeField', attrs: { key: 'contact.last_name', fallback: null } },
    ]);
    expect(bodyEditor().textContent).toBe('Hi Last name');
  });

  it('triggers right after a word (Hi{{), not only after a space', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openPickerIn(user, 'Hi{{first');
    await user.keyboard('{Enter}');

    expect(latest().body.content?.[0].content).toEqual([
      { type: 'text', text: 'Hi' },
      { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: null } },
    ]);
  });

  it('moves the highlight with the arrow keys and points the editor at it with aria-activedescendant', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openPickerIn(user, '{{');
    const [first, second] = screen.getAllByRole('option');
    expect(bodyEditor().getAttribute('aria-activedescendant')).toBe(first.id);

    await user.keyboard('{ArrowDown}');
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(bodyEditor().getAttribute('aria-activedescendant')).toBe(second.id);

    await user.keyboard('{ArrowUp}{ArrowUp}'); // wraps from the first to the last
    const options = screen.getAllByRole('option');
    expect(options.at(-1)?.getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    const [field] = nodesOfType(latest().body, 'mergeField');
    expect(field.attrs?.key).toBe('contact.last_name'); // the second catalog entry
    expect(bodyEditor().hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('closes on Escape and leaves the typed text alone', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openPickerIn(user, 'Use {{fir');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());

    expect(nodesOfType(latest().body, 'mergeField')).toHaveLength(0);
    expect(bodyEditor().textContent).toBe('Use {{fir');
    expect(bodyEditor().hasAttribute('aria-expanded')).toBe(false);
  });

  it('says so when nothing matches, and Enter then inserts nothing', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openPickerIn(user, '{{zzz');
    expect(await screen.findByText('No field matches “zzz”.')).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(nodesOfType(latest().body, 'mergeField')).toHaveLength(0);
  });

  it('inserts the clicked option', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openPickerIn(user, '{{site');
    await user.click(screen.getByRole('option', { name: /Support email/ }));
    expect(nodesOfType(latest().body, 'mergeField')[0].attrs?.key).toBe('site.support_email');
  });

  it('turns a typed token into a chip, fallback included', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.keyboard(literal('Dear {{ contact.first_name | default: "friend" }}'));

    expect(latest().body.content?.[0].content).toEqual([
      { type: 'text', text: 'Dear ' },
      { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: 'friend' } },
    ]);
    expect(bodyEditor().querySelector('[data-merge-field]')?.textContent).toBe('First name · friend');
  });

  it('turns pasted tokens into chips', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.paste('Dear {{contact.first_name | default: "friend"}}, welcome to {{site.title}}.');

    expect(latest().body.content?.[0].content).toEqual([
      { type: 'text', text: 'Dear ' },
      { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: 'friend' } },
      { type: 'text', text: ', welcome to ' },
      { type: 'mergeField', attrs: { key: 'site.title', fallback: null } },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps the token in plain-text conversions', async () => {
    renderComposer({
      channel: 'email',
      initialValue: {
        subject: '',
        previewText: '',
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Hi ' },
                { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: 'there' } },
              ],
            },
          ],
        },
      },
    });
    expect(editorOf(bodyEditor()).getText()).toBe('Hi {{contact.first_name | default: "there"}}');
  });
});

describe('a chip’s fallback', () => {
  it('is edited in the bubble menu of the selected chip', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openPickerIn(user, 'Hi {{first');
    await user.keyboard('{Enter}');

    // Clicking a chip selects it; jsdom has no layout to map a click to a position, so select it directly.
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.chain().focus().setNodeSelection(4).run();
    });
    const input = await screen.findByRole('textbox', { name: 'Fallback for First name' });
    await user.type(input, 'there{Enter}');

    expect(nodesOfType(latest().body, 'mergeField')[0].attrs).toEqual({ key: 'contact.first_name', fallback: 'there' });
    expect(bodyEditor().querySelector('[data-merge-field]')?.textContent).toBe('First name · there');
  });
});
