// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerValue } from '../../../src/composer';
import type { EmailContent } from '../../../src/template';
import { editorOf, emptyDoc, literal, renderComposer } from './composer-harness';

const subjectField = () => screen.getByRole('textbox', { name: 'Subject' });

describe('the subject and preview-text fields', () => {
  it('store plain strings, with merge fields as custom-value tokens', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(subjectField());
    await user.keyboard(literal('Welcome, {{first'));
    await screen.findByRole('listbox', { name: 'Insert field' });
    await user.keyboard('{Enter}!');

    expect((latest() as EmailContent).subject).toBe('Welcome, {{contact.first_name}}!');
    expect(subjectField().textContent).toBe('Welcome, First name!');
  });

  it('stay on one line', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(subjectField());
    await user.keyboard('One{Enter}line');
    expect((latest() as EmailContent).subject).toBe('Oneline');
  });

  it('join pasted lines with spaces and turn pasted tokens into chips', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    await user.click(subjectField());
    await user.paste('Hello\nworld {{contact.first_name}}');

    expect((latest() as EmailContent).subject).toBe('Hello world {{contact.first_name}}');
    expect(subjectField().querySelector('[data-merge-field]')?.textContent).toBe('First name');
  });

  it('do not offer magic links, which belong in the body', async () => {
    const { user } = renderComposer({ channel: 'email' });
    await user.click(subjectField());
    await user.keyboard(literal('{{magic'));
    expect(await screen.findByText('No field matches “magic”.')).toBeTruthy();
  });

  it('show stored tokens as chips, fallback included', () => {
    renderComposer({
      channel: 'email',
      initialValue: { subject: 'Hi {{contact.first_name | default: "there"}}', previewText: 'News from {{site.title}}', body: emptyDoc() },
    });
    expect(subjectField().textContent).toBe('Hi First name · there');
    expect(editorOf(subjectField()).getText()).toBe('Hi {{contact.first_name | default: "there"}}');
    expect(screen.getByRole('textbox', { name: 'Preview text' }).textContent).toBe('News from Site title');
  });

  it('take a new value from the host without echoing it back', async () => {
    const onChange = vi.fn<(value: ComposerValue) => void>();
    const first: EmailContent = { subject: 'First draft', previewText: '', body: emptyDoc() };
    const { rerender } = render(<Composer channel="email" value={first} onChange={onChange} />);
    expect(subjectField().textContent).toBe('First draft');

    const loaded: EmailContent = {
      subject: 'Loaded template',
      previewText: '',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Loaded body' }] }] },
    };
    rerender(<Composer channel="email" value={loaded} onChange={onChange} />);
    await waitFor(() => expect(subjectField().textContent).toBe('Loaded template'));
    expect(screen.getByRole('textbox', { name: 'Email body' }).textContent).toBe('Loaded body');
    expect(onChange).not.toHaveBeenCalled();

    // And editing continues from the loaded content. (Tiptap focuses on the next animation frame.)
    act(() => void editorOf(subjectField()).commands.focus('end'));
    await waitFor(() => expect(document.activeElement).toBe(subjectField()));
    await userEvent.setup().keyboard(' v2');
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ subject: 'Loaded template v2', body: loaded.body });
  });

  it('keep the caret in place when the host hands back a copy of each change', async () => {
    function CloningHost() {
      const [value, setValue] = useState<ComposerValue>({ subject: '', previewText: '', body: emptyDoc() });
      return <Composer channel="email" value={value} onChange={(next) => setValue(JSON.parse(JSON.stringify(next)))} />;
    }
    render(<CloningHost />);
    const user = userEvent.setup();
    const body = screen.getByRole('textbox', { name: 'Email body' });
    await user.click(body);
    await user.keyboard('Hello');
    // Type in the middle: a content reset on each change would throw the caret to the end.
    act(() => void editorOf(body).chain().focus().setTextSelection(2).run());
    await waitFor(() => expect(document.activeElement).toBe(body));
    await user.keyboard('XY');
    await user.click(subjectField());
    await user.keyboard('Hi there');

    expect(body.textContent).toBe('HXYello');
    expect(subjectField().textContent).toBe('Hi there');
  });
});
