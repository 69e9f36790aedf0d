// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { countSmsSegments, sampleMagicLinkUrl, sampleShortLinkUrl, SHORT_LINK_CODE_LENGTH, type DocNode } from '../../../src/template';
import { act, bodyEditor, editorOf, literal, renderComposer, screen, textWithMark } from './composer-harness';

const counter = () => screen.getByText(/characters? · \d+ segments?/);
const smsEditor = () => bodyEditor('SMS message');

describe('the SMS counter', () => {
  it('updates as you type', async () => {
    const { user } = renderComposer({ channel: 'sms' });
    expect(counter().textContent).toBe('0 characters · 0 segments (GSM-7)');

    await user.click(smsEditor());
    await user.keyboard('Hello');
    expect(counter().textContent).toBe('5 characters · 1 segment (GSM-7)');

    await user.keyboard(' there');
    expect(counter().textContent).toBe('11 characters · 1 segment (GSM-7)');
  });

  it('switches to UCS-2 for an emoji, which counts as two units', async () => {
    const { user } = renderComposer({ channel: 'sms' });
    await user.click(smsEditor());
    await user.keyboard('Hi 👋');
    expect(counter().textContent).toBe('5 characters · 1 segment (UCS-2)');
  });

  it('counts GSM-7 extension characters twice', async () => {
    const { user } = renderComposer({ channel: 'sms' });
    await user.click(smsEditor());
    await user.keyboard('5€');
    expect(counter().textContent).toBe('3 characters · 1 segment (GSM-7)');
  });

  it('counts a member magic link at the length of the short link SMS sends', async () => {
    const { user } = renderComposer({ channel: 'sms', siteHost: 'academy.example.com' });
    await user.click(smsEditor());
    await user.keyboard('Hi ');
    await user.click(screen.getByRole('button', { name: 'Magic link' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Destination' }), 'Courses');
    await user.click(screen.getByRole('button', { name: 'Insert as URL' }));

    const sent = `Hi ${sampleShortLinkUrl('academy.example.com')}`;
    expect(sent).toMatch(new RegExp(`^Hi https://academy\\.example\\.com/l/x{${SHORT_LINK_CODE_LENGTH}}$`));
    const { units } = countSmsSegments(sent);
    expect(units).toBe(3 + 'https://academy.example.com/l/'.length + SHORT_LINK_CODE_LENGTH); // not the 25 characters of `{{magic_link.courses}}`
    expect(counter().textContent).toBe(`${units} characters · 1 segment (GSM-7)`);
  });

  it('counts a staff User Link (never short) with its whole token', async () => {
    const body: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Go' }] }] };
    renderComposer({ channel: 'sms', siteHost: 'academy.example.com', initialValue: { body } });
    await act(async () => {
      editorOf(smsEditor()).chain().setTextSelection({ from: 1, to: 3 }).setLink({ href: '{{magic_link.user}}' }).run();
    });
    const { units, segments } = countSmsSegments(`Go: ${sampleMagicLinkUrl('academy.example.com', '', 'user')}`);
    expect(units).toBeGreaterThan(200);
    expect(counter().textContent).toBe(`${units} characters · ${segments} segments (GSM-7)`);
  });

  it('counts on the site origin it is given, scheme and port included', async () => {
    const body: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Go' }] }] };
    renderComposer({ channel: 'sms', siteHost: 'http://academy.localhost:3000', initialValue: { body } });
    await act(async () => {
      editorOf(smsEditor()).chain().setTextSelection({ from: 1, to: 3 }).setLink({ href: '{{magic_link.learner}}' }).run();
    });
    const { units } = countSmsSegments(`Go: http://academy.localhost:3000/l/${'x'.repeat(SHORT_LINK_CODE_LENGTH)}`);
    expect(counter().textContent).toBe(`${units} characters · 1 segment (GSM-7)`);
  });

  it('counts a merge field at its catalog sample, not its token', async () => {
    const { user } = renderComposer({ channel: 'sms' });
    await user.click(smsEditor());
    await user.keyboard(literal('Hi {{first'));
    await user.keyboard('{Enter}');
    expect(counter().textContent).toBe('6 characters · 1 segment (GSM-7)'); // "Hi Ada"
  });

  it('counts a linked text as "text: URL", the way SMS sends it', async () => {
    const body: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Go' }] }] };
    renderComposer({ channel: 'sms', siteHost: 'academy.example.com', initialValue: { body } });
    await act(async () => {
      editorOf(smsEditor()).chain().setTextSelection({ from: 1, to: 3 }).setLink({ href: '{{magic_link.learner}}' }).run();
    });
    const { units, segments } = countSmsSegments(`Go: ${sampleShortLinkUrl('academy.example.com')}`);
    expect(counter().textContent).toBe(`${units} characters · ${segments} segment (GSM-7)`);
  });

  it('warns once the message needs more than one segment', async () => {
    const { user } = renderComposer({ channel: 'sms' });
    await user.click(smsEditor());
    await user.keyboard('a'.repeat(160));
    expect(counter().textContent).toBe('160 characters · 1 segment (GSM-7)');
    expect(screen.getByRole('status').textContent).toBe('');

    await user.keyboard('a');
    expect(counter().textContent).toBe('161 characters · 2 segments (GSM-7)');
    expect(screen.getByRole('status').textContent).toMatch(/Sent as 2 texts of up to 153 characters/);
  });
});

describe('the SMS editor', () => {
  it('offers no formatting and keeps only text, fields and links', async () => {
    renderComposer({ channel: 'sms' });
    expect(screen.queryByRole('button', { name: 'Bold' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Heading 1' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Image' })).toBeNull();

    const editor = editorOf(smsEditor());
    await act(async () => {
      editor.commands.setContent(
        '<h1>Title</h1><p><strong>Bold</strong> <a href="https://x.example">link</a></p><ul><li>item</li></ul>',
      );
    });
    const json = editor.getJSON() as DocNode;
    const types = new Set<string>();
    const visit = (node: DocNode) => {
      types.add(node.type);
      node.marks?.forEach((mark) => types.add(`mark:${mark.type}`));
      node.content?.forEach(visit);
    };
    visit(json);
    expect([...types].sort()).toEqual(['doc', 'mark:link', 'paragraph', 'text']);
    expect(textWithMark(json, 'link')[0].text).toBe('link');
  });
});
