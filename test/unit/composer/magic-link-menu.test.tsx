// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../src/template';
import { act, bodyEditor, editorOf, nodesOfType, renderComposer, screen, textWithMark } from './composer-harness';

const paragraphs = (...texts: string[]): DocNode => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

async function openMagicLinkMenu(user: ReturnType<typeof renderComposer>['user']) {
  await user.click(screen.getByRole('button', { name: 'Magic link' }));
  return screen.findByRole('dialog', { name: 'Magic link' });
}

describe('the Magic link menu', () => {
  it('inserts a button node leading to the chosen destination', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openMagicLinkMenu(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Destination' }), 'Courses');
    await user.click(screen.getByRole('button', { name: 'Insert as button' }));

    const [button] = nodesOfType(latest().body, 'button');
    expect(button.attrs).toMatchObject({ href: '{{magic_link.courses}}', label: 'Log in to your courses', align: 'center' });
    expect(screen.queryByRole('dialog', { name: 'Magic link' })).toBeNull();
    expect(bodyEditor().querySelector('.ml-button')?.textContent).toBe('Log in to your courses');
  });

  it('turns the selected text into a magic link', async () => {
    const { user, latest } = renderComposer({
      channel: 'email',
      initialValue: { subject: '', previewText: '', body: paragraphs('Open your dashboard today') },
    });
    await act(async () => {
      // "your dashboard": selecting by dragging needs layout, which jsdom lacks.
      editorOf(bodyEditor()).chain().focus().setTextSelection({ from: 6, to: 20 }).run();
    });
    await openMagicLinkMenu(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Destination' }), 'Communities');
    await user.click(screen.getByRole('button', { name: 'Insert as text link' }));

    const [linked] = textWithMark(latest().body, 'link');
    expect(linked.text).toBe('your dashboard');
    expect(linked.marks?.[0].attrs?.href).toBe('{{magic_link.communities}}');
    expect(nodesOfType(latest().body, 'text').map((node) => node.text)).toEqual(['Open ', 'your dashboard', ' today']);
  });

  it('inserts a default label as the link when nothing is selected', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await openMagicLinkMenu(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Destination' }), 'Courses');
    await user.click(screen.getByRole('button', { name: 'Insert as text link' }));

    const [linked] = textWithMark(latest().body, 'link');
    expect(linked).toMatchObject({ text: 'Log in to your courses', marks: [{ type: 'link', attrs: { href: '{{magic_link.courses}}' } }] });
  });

  it('offers the host’s destinations and builds their keys', async () => {
    const { user, latest } = renderComposer({
      channel: 'email',
      destinations: [{ value: 'courses/piano-101', label: 'Piano basics' }],
    });
    await openMagicLinkMenu(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Destination' }), 'Piano basics');
    await user.click(screen.getByRole('button', { name: 'Insert as button' }));

    expect(nodesOfType(latest().body, 'button')[0].attrs).toMatchObject({
      href: '{{magic_link.course.piano-101}}',
      label: 'Open Piano basics',
    });
  });

  it('makes a user link to the admin app', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openMagicLinkMenu(user);
    await user.click(screen.getByRole('radio', { name: /User link/ }));
    expect((screen.getByRole('combobox', { name: 'Destination' }) as HTMLSelectElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Insert as button' }));

    expect(nodesOfType(latest().body, 'button')[0].attrs?.href).toBe('{{magic_link.user}}');
  });

  it('inserts the bare URL as a field in an SMS, where there are no buttons', async () => {
    const { user, latest } = renderComposer({ channel: 'sms' });
    await user.click(bodyEditor('SMS message'));
    await openMagicLinkMenu(user);
    expect(screen.queryByRole('button', { name: 'Insert as button' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Insert as URL' }));

    expect(nodesOfType(latest().body, 'mergeField')[0].attrs?.key).toBe('magic_link.learner');
  });
});

describe('a selected button', () => {
  it('is edited in its bubble menu', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openMagicLinkMenu(user);
    await user.click(screen.getByRole('button', { name: 'Insert as button' }));
    // The button replaced the empty first paragraph, so it starts at position 0.
    await act(async () => {
      editorOf(bodyEditor()).chain().focus().setNodeSelection(0).run();
    });

    const label = await screen.findByRole('textbox', { name: 'Label' });
    await user.clear(label);
    await user.type(label, 'Start learning');
    await user.click(screen.getByRole('checkbox', { name: 'Full width' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Align' }), 'Left');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(nodesOfType(latest().body, 'button')[0].attrs).toMatchObject({
      href: '{{magic_link.learner}}',
      label: 'Start learning',
      align: 'left',
      fullWidth: true,
    });
  });

  it('refuses an unsafe address in its bubble menu', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await openMagicLinkMenu(user);
    await user.click(screen.getByRole('button', { name: 'Insert as button' }));
    await act(async () => {
      editorOf(bodyEditor()).chain().focus().setNodeSelection(0).run();
    });

    const href = await screen.findByRole('textbox', { name: 'Link address' });
    await user.clear(href);
    await user.type(href, 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(screen.getByRole('alert').textContent).toMatch(/https:\/\//);
    expect(nodesOfType(latest().body, 'button')[0].attrs?.href).toBe('{{magic_link.learner}}');
  });
});
