// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../src/template';
import { act, bodyEditor, editorOf, nodesOfType, renderComposer, screen, textWithMark } from './composer-harness';

/**
 * Through ProseMirror's own paste path (transformPastedHTML, parse, paste handlers, insert), as a
 * real paste runs; jsdom has no ClipboardEvent, so a plain paste event stands in for it.
 */
async function paste(html: string, name: 'Email body' | 'SMS message' = 'Email body') {
  await act(async () => {
    editorOf(bodyEditor(name)).view.pasteHTML(html, new Event('paste') as ClipboardEvent);
  });
}

const texts = (doc: DocNode) => nodesOfType(doc, 'text').map((node) => node.text).join('|');

describe('pasting into the body', () => {
  it('keeps https images and text, drops what the format refuses and says what it removed', async () => {
    const { latest } = renderComposer({ channel: 'email' });
    await paste(
      '<style>p{color:red}</style><script>alert(1)</script>' +
        '<p>Welcome <a href="javascript:alert(1)">click</a> <a href="https://ok.example/">home</a></p>' +
        '<img src="http://insecure.example/a.png" alt="a"><img src="https://cdn.example/b.png" alt="b">' +
        '<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Gold</td><td>$9</td></tr></table>' +
        '<iframe src="https://video.example/embed"></iframe>',
    );

    const body = latest().body;
    expect(nodesOfType(body, 'image').map((image) => image.attrs?.src)).toEqual(['https://cdn.example/b.png']);
    expect(textWithMark(body, 'link').map((node) => [node.text, node.marks?.[0].attrs?.href])).toEqual([['home', 'https://ok.example/']]);
    expect(texts(body)).toContain('click');
    expect(texts(body)).toContain('Plan · Price');
    expect(texts(body)).toContain('Gold · $9');
    expect(texts(body)).not.toMatch(/alert|color:red/);
    expect(screen.getByRole('status').textContent).toBe(
      'Removed 1 image that had no https address. ' +
        'Removed 1 link with an address that can’t be used (the text is kept). ' +
        'Turned 1 table into text. Removed 1 embedded video, frame or form. OK',
    );
  });

  it('says nothing when the paste loses nothing, and the notice goes with OK', async () => {
    const { user } = renderComposer({ channel: 'email' });
    await paste('<p>Two <strong>bold</strong> words</p>');
    expect(screen.queryByRole('status')).toBeNull();

    await paste('<p>Logo</p><img src="data:image/png;base64,AAAA">');
    expect(screen.getByRole('status').textContent).toMatch(/^Removed 1 image that had no https address\./);
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('tells an SMS author the images are gone, and keeps the text', async () => {
    const { latest } = renderComposer({ channel: 'sms' });
    await paste('<p>See you soon</p><img src="https://cdn.example/b.png">', 'SMS message');
    expect(texts(latest().body)).toBe('See you soon');
    expect(screen.getByText(/^Removed 1 image: an SMS has no images\./).getAttribute('role')).toBe('status');
  });
});
