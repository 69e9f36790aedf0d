// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/composer/editor/read-document';
import type { DocNode, EmailContent } from '../../../src/template';
import { PALETTE } from '../../../src/template/palette';
import { act, bodyEditor, editorOf, renderComposer, screen, textWithMark } from './composer-harness';

const email = (...content: DocNode[]): EmailContent => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const red = PALETTE.find((entry) => entry.name === 'Red')!;
const yellow = PALETTE.find((entry) => entry.name === 'Yellow')!;

describe('text colour and highlight in the composer', () => {
  it('colours the selection from a swatch named for its colour, and takes it off with None', async () => {
    const { user, latest } = renderComposer({ channel: 'email', initialValue: email(paragraph({ type: 'text', text: 'Hello world' })) });
    const editor = editorOf(bodyEditor());
    await act(async () => {
      editor.chain().focus().setTextSelection({ from: 1, to: 6 }).run();
    });
    await user.click(screen.getByRole('button', { name: 'Text colour' }));
    const swatches = screen.getByRole('group', { name: 'Text colour palette' }).querySelectorAll('button');
    expect([...swatches].map((swatch) => swatch.getAttribute('aria-label'))).toEqual([...PALETTE.map((entry) => `Text colour: ${entry.name}`), 'Text colour: None']);

    await user.click(screen.getByRole('button', { name: 'Text colour: Red' }));
    expect(screen.queryByRole('dialog', { name: 'Text colour' })).toBeNull();
    expect(latest().body.content?.[0].content).toEqual([
      { type: 'text', text: 'Hello', marks: [{ type: 'textColor', attrs: { color: red.text } }] },
      { type: 'text', text: ' world' },
    ]);
    expect((bodyEditor().querySelector('span[data-text-color]') as HTMLElement).style.color).toBe('rgb(185, 28, 28)');

    await user.click(screen.getByRole('button', { name: 'Highlight' }));
    await user.click(screen.getByRole('button', { name: 'Highlight: Yellow' }));
    expect(textWithMark(latest().body, 'highlight')[0].marks).toEqual([
      { type: 'highlight', attrs: { color: yellow.highlight } },
      { type: 'textColor', attrs: { color: red.text } },
    ]);

    await user.click(screen.getByRole('button', { name: 'Text colour' }));
    expect(screen.getByRole('button', { name: 'Text colour: Red' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Text colour: None' }));
    expect(textWithMark(latest().body, 'textColor')).toHaveLength(0);
    expect(textWithMark(latest().body, 'highlight')).toHaveLength(1);
  });

  it('refuses a colour outside the palette, from a command or from pasted HTML', async () => {
    renderComposer({ channel: 'email', initialValue: email(paragraph({ type: 'text', text: 'Hello' })) });
    const editor = editorOf(bodyEditor());
    let applied = true;
    await act(async () => {
      applied = editor.chain().focus().setTextSelection({ from: 1, to: 6 }).setPaletteColor('textColor', '#123456').run();
    });
    expect(applied).toBe(false);
    await act(async () => {
      editor.commands.setContent('<p><span data-text-color="#123456" style="color:#123456">odd</span> <span style="color:red">pasted</span> <span data-text-color="#B91C1C">ours</span></p>');
    });
    expect(textWithMark(readDocument(editor), 'textColor')).toEqual([{ type: 'text', text: 'ours', marks: [{ type: 'textColor', attrs: { color: red.text } }] }]);
  });

  it('has no colours in an SMS', () => {
    renderComposer({ channel: 'sms' });
    expect(screen.queryByRole('button', { name: 'Text colour' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Highlight' })).toBeNull();
  });
});
