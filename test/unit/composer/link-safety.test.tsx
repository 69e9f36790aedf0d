// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isAllowedLinkHref } from '../../../src/composer';
import type { DocNode } from '../../../src/template';
import { act, bodyEditor, editorOf, nodesOfType, renderComposer, screen, textWithMark } from './composer-harness';

const oneParagraph = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('isAllowedLinkHref', () => {
  it.each([
    '{{magic_link.courses}}',
    '{{ magic_link.course.piano-101 }}',
    'https://example.com/path?q=1',
    'http://example.com',
    'mailto:help@example.com',
    'tel:+442079460958',
    'https://example.com/?email={{contact.email}}',
  ])('accepts %s', (href) => expect(isAllowedLinkHref(href)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    '/relative/path',
    'example.com',
    '{{contact.website}}',
    '{{magic_link.nowhere}}',
    '',
  ])('refuses %j', (href) => expect(isAllowedLinkHref(href)).toBe(false));
});

describe('links in the editor', () => {
  it('setLink returns false for javascript: and no link mark is stored', async () => {
    const { latest } = renderComposer({ channel: 'email', initialValue: { subject: '', previewText: '', body: oneParagraph('Click me') } });
    const editor = editorOf(bodyEditor());
    let applied = true;
    await act(async () => {
      applied = editor.chain().focus().setTextSelection({ from: 1, to: 9 }).setLink({ href: 'javascript:alert(1)' }).run();
    });

    expect(applied).toBe(false);
    expect(textWithMark(editor.getJSON() as DocNode, 'link')).toHaveLength(0);
    // The refused command dispatched nothing, so the host was never told about a change either.
    expect(() => latest()).toThrow('never called');
  });

  it('setLink accepts a magic link', async () => {
    const { latest } = renderComposer({ channel: 'email', initialValue: { subject: '', previewText: '', body: oneParagraph('Click me') } });
    await act(async () => {
      editorOf(bodyEditor()).chain().focus().setTextSelection({ from: 1, to: 9 }).setLink({ href: '{{magic_link.affiliates}}' }).run();
    });
    expect(textWithMark(latest().body, 'link')[0].marks?.[0].attrs?.href).toBe('{{magic_link.affiliates}}');
  });

  it('drops unsafe links from pasted HTML', async () => {
    renderComposer({ channel: 'email' });
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.commands.insertContent('<p><a href="javascript:alert(1)">bad</a> <a href="https://ok.example">good</a></p>');
    });
    const links = textWithMark(editor.getJSON() as DocNode, 'link');
    expect(links.map((node) => [node.text, node.marks?.[0].attrs?.href])).toEqual([['good', 'https://ok.example']]);
  });

  it('stores an empty href for a button given an unsafe one', async () => {
    renderComposer({ channel: 'email' });
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.commands.insertButton({ href: 'javascript:alert(1)', label: 'Go' });
    });
    expect(nodesOfType(editor.getJSON() as DocNode, 'button')[0].attrs).toMatchObject({ href: '', label: 'Go' });
  });

  it('the Link form refuses javascript: with a message and leaves the text unlinked', async () => {
    const { user } = renderComposer({ channel: 'email', initialValue: { subject: '', previewText: '', body: oneParagraph('Click me') } });
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.chain().focus().setTextSelection({ from: 1, to: 6 }).run();
    });
    await user.click(screen.getByRole('button', { name: 'Link' }));
    const address = await screen.findByRole('textbox', { name: 'Link address' });
    await user.type(address, 'javascript:alert(1){Enter}');

    expect(screen.getByRole('alert').textContent).toMatch(/https:\/\//);
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(textWithMark(editor.getJSON() as DocNode, 'link')).toHaveLength(0);
  });

  it('the Link form links the selection to a web address', async () => {
    const { user, latest } = renderComposer({ channel: 'email', initialValue: { subject: '', previewText: '', body: oneParagraph('Click me') } });
    await act(async () => {
      editorOf(bodyEditor()).chain().focus().setTextSelection({ from: 1, to: 6 }).run();
    });
    await user.click(screen.getByRole('button', { name: 'Link' }));
    await user.type(await screen.findByRole('textbox', { name: 'Link address' }), 'https://example.com/help{Enter}');

    const [linked] = textWithMark(latest().body, 'link');
    expect(linked).toMatchObject({ text: 'Click', marks: [{ type: 'link', attrs: { href: 'https://example.com/help' } }] });
  });

  it('does not autolink typed URLs (linkify would cut them at {{)', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    await user.keyboard('see https://example.com/x ');
    expect(textWithMark(latest().body, 'link')).toHaveLength(0);
  });
});
