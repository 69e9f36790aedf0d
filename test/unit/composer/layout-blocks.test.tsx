// @vitest-environment jsdom
import { Editor } from '@tiptap/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/composer/editor/read-document';
import { emailExtensions, smsExtensions, type ComposerExtensionDeps } from '../../../src/composer/extensions/extension-sets';
import { describeField } from '../../../src/composer/merge-field/describe-field';
import { findFields } from '../../../src/composer/merge-field/find-fields';
import { DEFAULT_CATALOG, type DocNode } from '../../../src/template';
import { installDomLayoutPolyfills } from './dom-layout-polyfills';

installDomLayoutPolyfills();

const deps: ComposerExtensionDeps = {
  describeField: (key) => describeField(key, DEFAULT_CATALOG, []),
  findFields: (query) => findFields(DEFAULT_CATALOG, query),
  renderFieldPicker: undefined,
};

const editors: Editor[] = [];
const emailEditor = (content: DocNode) => {
  const editor = new Editor({ extensions: emailExtensions(deps), content });
  editors.push(editor);
  return editor;
};
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const column = (...content: DocNode[]): DocNode => ({ type: 'column', content });

const layoutDoc: DocNode = {
  type: 'doc',
  content: [
    paragraph('Intro'),
    { type: 'spacer', attrs: { height: 48 } },
    { type: 'columns', content: [column(paragraph('Left')), column(paragraph('Right'), { type: 'spacer', attrs: { height: 8 } }, paragraph('More'))] },
    { type: 'columns', content: [column(paragraph('1')), column(paragraph('2')), column(paragraph('3'))] },
    paragraph('Outro'),
  ],
};

describe('spacer and columns in the composer', () => {
  it('load and give back the same document (document → editor → document)', () => {
    expect(readDocument(emailEditor(layoutDoc))).toEqual(layoutDoc);
  });

  it('survive a trip through HTML (copy and paste)', () => {
    const html = emailEditor(layoutDoc).getHTML();
    expect(html).toContain('<div data-spacer="" class="ml-spacer" aria-label="Space" data-height="48" style="height: 48px;"></div>');
    const pasted = emailEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    pasted.commands.setContent(html);
    expect(readDocument(pasted)).toEqual(layoutDoc);
  });

  it('insert a spacer of the default height and a row of empty columns', () => {
    const editor = emailEditor({ type: 'doc', content: [paragraph('Intro'), paragraph('Outro')] });
    editor.commands.setTextSelection(6);
    expect(editor.commands.insertColumns(3)).toBe(true);
    editor.commands.setTextSelection(6);
    expect(editor.commands.insertSpacer()).toBe(true);
    const content = readDocument(editor).content ?? [];
    expect(content.map((node) => node.type)).toEqual(['paragraph', 'spacer', 'columns', 'paragraph']);
    expect(content[1]).toEqual({ type: 'spacer', attrs: { height: 32 } });
    expect(content[2].content).toEqual([1, 2, 3].map(() => ({ type: 'column', content: [{ type: 'paragraph' }] })));
  });

  it('refuse a row of columns inside a column', () => {
    const editor = emailEditor(layoutDoc);
    // Inside "Left", the first column's paragraph.
    let inLeft = 0;
    editor.state.doc.descendants((node, pos) => {
      if (node.isText && node.text === 'Left') inLeft = pos + 1;
    });
    editor.commands.setTextSelection(inLeft);
    expect(editor.can().insertColumns(2)).toBe(false);
  });

  it('are not part of the SMS schema', () => {
    const editor = new Editor({ extensions: smsExtensions(deps) });
    editors.push(editor);
    expect(editor.schema.nodes.spacer).toBeUndefined();
    expect(editor.schema.nodes.columns).toBeUndefined();
  });
});

describe('the footer in the composer', () => {
  const doc: DocNode = { type: 'doc', content: [paragraph('Hello'), { type: 'footer' }, { type: 'paragraph' }] };

  it('loads and gives back the same document, also through HTML', () => {
    const editor = emailEditor(doc);
    expect(readDocument(editor)).toEqual(doc);
    const pasted = emailEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    pasted.commands.setContent(editor.getHTML());
    expect(readDocument(pasted)).toEqual(doc);
  });

  it('is inserted by its command', () => {
    const editor = emailEditor({ type: 'doc', content: [paragraph('Hello')] });
    editor.commands.setTextSelection(6);
    expect(editor.commands.insertFooter()).toBe(true);
    expect(readDocument(editor).content?.map((node) => node.type)).toContain('footer');
  });
});
