// @vitest-environment jsdom
import { fireEvent } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { findBlockCommands } from '../../../src/composer/blocks/block-command';
import { blockCommands } from '../../../src/composer/ui/toolbar/block-commands';
import { act, bodyEditor, editorOf, literal, nodesOfType, renderComposer, screen, waitFor } from './composer-harness';

const optionNames = () => screen.getAllByRole('option').map((option) => option.querySelector('.ml-listbox-label')?.textContent);

describe('the / block menu', () => {
  it('opens on / in an empty paragraph, filters as you type, and Enter inserts the block', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.keyboard('/');
    const list = await screen.findByRole('listbox', { name: 'Insert block' });
    expect(list.id).toBe(bodyEditor().getAttribute('aria-controls'));
    expect(optionNames()).toEqual(expect.arrayContaining(['Heading 1', 'Bulleted list', 'Quote', 'Code block', 'Divider', 'Space', '2 columns', 'Button', 'Image', 'Social links', 'Show if…', 'For each unlocked…']));

    await user.keyboard('head');
    await waitFor(() => expect(optionNames()).toEqual(['Heading 1', 'Heading 2']));
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(screen.queryByRole('listbox', { name: 'Insert block' })).toBeNull());
    // The typed "/head" is gone; the paragraph became the heading.
    expect(latest().body.content?.[0]).toEqual({ type: 'heading', attrs: { level: 2 } });
  });

  it('opens after a space too, wraps with the arrow keys, and Escape closes it leaving the text', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.keyboard('Hello /');
    await screen.findByRole('listbox', { name: 'Insert block' });
    await user.keyboard('{ArrowUp}');
    const options = screen.getAllByRole('option');
    expect(options.at(-1)?.getAttribute('aria-selected')).toBe('true');
    expect(bodyEditor().getAttribute('aria-activedescendant')).toBe(options.at(-1)?.id);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox', { name: 'Insert block' })).toBeNull());
    expect(latest().body.content?.[0].content).toEqual([{ type: 'text', text: 'Hello /' }]);
  });

  it('does not open inside a word ("and/or") or in a heading', async () => {
    const { user, latest } = renderComposer({
      channel: 'email',
      initialValue: { subject: '', previewText: '', body: { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] }, { type: 'paragraph' }] } },
    });
    await user.click(bodyEditor().querySelector('h1')!);
    await act(async () => {
      editorOf(bodyEditor()).commands.setTextSelection(6); // after "Title"
    });
    await user.keyboard(' /');
    expect(latest().body.content?.[0].content).toEqual([{ type: 'text', text: 'Title /' }]);
    expect(screen.queryByRole('listbox', { name: 'Insert block' })).toBeNull();
    await user.click(bodyEditor().querySelector('p')!);
    await user.keyboard('and/or');
    expect(screen.queryByRole('listbox', { name: 'Insert block' })).toBeNull();
  });

  it('inserts a divider and a button, whose settings then open', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.keyboard('/divider{Enter}');
    await waitFor(() => expect(nodesOfType(latest().body, 'horizontalRule')).toHaveLength(1));

    await user.keyboard('/button');
    await waitFor(() => expect(optionNames()[0]).toBe('Button'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(nodesOfType(latest().body, 'button')).toHaveLength(1));
    expect(await screen.findByRole('dialog', { name: 'Button settings' })).toBeTruthy();
  });

  it('turns the paragraph into a code block, which keeps its spaces', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.keyboard('/code');
    await waitFor(() => expect(optionNames()).toEqual(['Code block']));
    await user.keyboard('{Enter}C  D  E');
    await waitFor(() => expect(latest().body.content?.[0]).toEqual({ type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'C  D  E' }] }));
  });

  it('opens the Image menu for an image, which asks for its address', async () => {
    const { user } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.keyboard('/ima');
    await waitFor(() => expect(optionNames()).toEqual(['Image']));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Image' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Image' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows when nothing matches, and Enter then inserts nothing', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.keyboard('/zzz');
    expect((await screen.findByRole('status')).textContent).toBe('No block matches “zzz”.');
    await user.keyboard('{Enter}');
    expect(latest().body.content?.[0].content?.[0]).toEqual({ type: 'text', text: '/zzz' });
  });

  it('follows the typed text when a container scrolls, and closes once the text is scrolled out of sight', async () => {
    // jsdom lays nothing out: the typed "/" (the suggestion's decoration) is where this says.
    let typed = DOMRect.fromRect({ x: 40, y: 300, width: 8, height: 20 });
    const measure = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      return this.matches('[data-decoration-id]') ? typed : DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
    });
    try {
      const { user, latest } = renderComposer({ channel: 'email' });
      await user.click(bodyEditor());
      await user.keyboard('/');
      const popover = async () => (await screen.findByRole('listbox', { name: 'Insert block' })).closest<HTMLElement>('.ml-popover')!;
      expect((await popover()).style.top).toBe('324px');

      typed = DOMRect.fromRect({ x: 40, y: 180, width: 8, height: 20 });
      // A scroll event does not bubble: the list hears the editor's container scroll by capturing it.
      fireEvent.scroll(bodyEditor().parentElement!);
      await waitFor(async () => expect((await popover()).style.top).toBe('204px'));

      typed = DOMRect.fromRect({ x: 40, y: -60, width: 8, height: 20 });
      fireEvent.scroll(document);
      await waitFor(() => expect(screen.queryByRole('listbox', { name: 'Insert block' })).toBeNull());
      expect(bodyEditor().getAttribute('aria-expanded')).toBeNull();
      // The suggestion itself ended: Enter goes to the text again (a new paragraph), the "/" stays.
      await user.keyboard('{Enter}');
      await waitFor(() => expect(latest().body.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: '/' }] }, { type: 'paragraph' }]));
    } finally {
      measure.mockRestore();
    }
  });

  it('is not offered in an SMS', async () => {
    const { user } = renderComposer({ channel: 'sms' });
    await user.click(bodyEditor('SMS message'));
    await user.keyboard(literal('/'));
    expect(screen.queryByRole('listbox', { name: 'Insert block' })).toBeNull();
  });
});

describe('findBlockCommands', () => {
  const commands = blockCommands(() => {});
  it('matches word starts first, then keywords and inner text', () => {
    expect(findBlockCommands(commands, 'col').map((command) => command.label)).toEqual(['2 columns', '3 columns']);
    expect(findBlockCommands(commands, 'h1').map((command) => command.label)).toEqual(['Heading 1']);
    expect(findBlockCommands(commands, 'cta').map((command) => command.label)).toEqual(['Button']);
    expect(findBlockCommands(commands, '')).toHaveLength(commands.length);
  });
});
