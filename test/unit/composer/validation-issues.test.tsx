// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, validateEmailContent, type EmailContent } from '../../../src/template';
import { act, bodyEditor, editorOf, renderComposer, screen, waitFor } from './composer-harness';

/** No subject, an image with a data: address, and a label-less button in the second column. */
const broken = (): EmailContent => ({
  subject: '',
  previewText: '',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] },
      { type: 'image', attrs: { src: 'data:image/png;base64,AAAA', alt: 'Logo' } },
      {
        type: 'columns',
        content: [
          { type: 'column', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Left' }] }] },
          { type: 'column', content: [{ type: 'button', attrs: { href: 'https://a.example/', label: '' } }] },
        ],
      },
    ],
  },
});

const JSON_PATH = /body\.|content\[|attrs\.|previewText|subject:/;
/** The note an issue decoration puts right after the block it concerns. */
const noteAfter = (element: Element | null) => element?.nextElementSibling?.classList.contains('ml-issue') ? element.nextElementSibling : null;

describe('validation issues in the composer', () => {
  it('shows each issue the validator found beside its field or block, in words, without paths', async () => {
    const value = broken();
    const issues = validateEmailContent(value, DEFAULT_CATALOG);
    expect(issues.map((issue) => issue.path)).toEqual(['subject', 'body.content[1].attrs.src', 'body.content[2].content[1].content[0].attrs.label']);
    renderComposer({ channel: 'email', initialValue: value, issues });

    const subject = screen.getByRole('textbox', { name: 'Subject' });
    const subjectError = document.getElementById(subject.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(subjectError?.textContent).toBe('Add a subject');
    expect(subject.getAttribute('aria-invalid')).toBe('true');

    const body = bodyEditor();
    await waitFor(() => expect(body.querySelectorAll('.ml-issue')).toHaveLength(2));
    const image = body.querySelector('.ml-image-block');
    expect(image?.classList.contains('ml-block--invalid')).toBe(true);
    expect(noteAfter(image)?.textContent).toBe('This image needs an https address (https://…)');
    expect(document.getElementById(image!.getAttribute('aria-describedby')!)).toBe(noteAfter(image));
    const button = body.querySelector('.ml-button-block');
    expect(noteAfter(button)?.textContent).toBe('This button has no label: write what it says');

    expect(document.body.textContent).not.toMatch(JSON_PATH);
  });

  it('drops a block’s message once that block is edited, keeps the others where their blocks moved', async () => {
    const value = broken();
    const { user } = renderComposer({ channel: 'email', initialValue: value, issues: validateEmailContent(value, DEFAULT_CATALOG) });
    const body = bodyEditor();
    await waitFor(() => expect(body.querySelectorAll('.ml-issue')).toHaveLength(2));
    const editor = editorOf(body);

    // A new first paragraph moves every block down: the messages move with them.
    await act(async () => {
      editor.chain().insertContentAt(0, { type: 'paragraph', content: [{ type: 'text', text: 'New intro' }] }).run();
    });
    expect(noteAfter(body.querySelector('.ml-image-block'))?.textContent).toMatch(/https address/);

    // Fixing the image's address (the image block changes) removes its message, not the button's.
    const imagePos = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize;
    await act(async () => {
      editor.chain().setNodeSelection(imagePos).updateAttributes('image', { src: 'https://a.example/logo.png' }).run();
    });
    expect(noteAfter(body.querySelector('.ml-image-block'))).toBeNull();
    expect([...body.querySelectorAll('.ml-issue')].map((note) => note.textContent)).toEqual(['This button has no label: write what it says']);

    // Typing a subject clears the subject's message.
    await user.click(screen.getByRole('textbox', { name: 'Subject' }));
    await user.keyboard('Welcome');
    expect(screen.queryByText('Add a subject')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Subject' }).getAttribute('aria-invalid')).toBeNull();
  });

  it('lists what concerns the message as a whole under the body', async () => {
    renderComposer({ channel: 'sms', issues: [{ path: 'body', message: 'The SMS is empty' }] });
    expect((await screen.findByRole('list', { name: 'To fix in this message' })).textContent).toBe('The SMS is empty');
  });
});
