// @vitest-environment jsdom
/** Show if… and unlocked-items in the editor: document → editor → document is identical, through HTML too. */
import { Editor } from '@tiptap/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/composer/editor/read-document';
import { emailExtensions, type ComposerExtensionDeps } from '../../../src/composer/extensions/extension-sets';
import { describeShowIf } from '../../../src/composer/extensions/show-if';
import { inDarkMode } from '../../../src/composer/ui/preview/EmailPreview';
import { describeField } from '../../../src/composer/merge-field/describe-field';
import { findFields } from '../../../src/composer/merge-field/find-fields';
import { DEFAULT_CATALOG, type DocNode } from '../../../src/template';
import { installDomLayoutPolyfills } from './dom-layout-polyfills';

installDomLayoutPolyfills();

const deps: ComposerExtensionDeps = {
  describeField: (key) => describeField(key, DEFAULT_CATALOG, []),
  findFields: (query) => findFields(DEFAULT_CATALOG, query),
  renderFieldPicker: undefined,
  describeShowIf: (attributes) => describeShowIf(attributes, (id) => (id === 'offer-1' ? 'Piano plan' : undefined)),
};

const editors: Editor[] = [];
const editorWith = (content: DocNode) => {
  const editor = new Editor({ extensions: emailExtensions(deps), content });
  editors.push(editor);
  return editor;
};
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc: DocNode = {
  type: 'doc',
  content: [
    p('Hello'),
    { type: 'showIf', attrs: { condition: 'offer', offerId: 'offer-1', field: '', value: '' }, content: [p('Recital on Friday'), { type: 'unlockedItems', attrs: { list: 'communities', buttonLabel: 'Join' } }] },
    { type: 'showIf', attrs: { condition: 'field', offerId: '', field: 'plan', value: 'Gold "VIP"' }, content: [p('Perk')] },
    { type: 'unlockedItems', attrs: { list: 'courses', buttonLabel: 'Start learning' } },
    p('Bye'),
  ],
};

describe('Show if… and unlocked items in the editor', () => {
  it('come back from the editor exactly as stored', () => {
    expect(readDocument(editorWith(doc))).toEqual(doc);
  });

  it('survive a trip through HTML (copy and paste), labels included only on screen', () => {
    const html = editorWith(doc).getHTML();
    expect(html).toContain('Show if the contact holds Piano plan');
    expect(html).toContain('For each unlocked course');
    const pasted = editorWith({ type: 'doc', content: [{ type: 'paragraph' }] });
    pasted.commands.setContent(html);
    expect(readDocument(pasted)).toEqual(doc);
  });

  it('wraps the selected blocks in a rule, changes it, and removes it keeping the blocks', () => {
    const editor = editorWith({ type: 'doc', content: [p('One'), p('Two')] });
    editor.commands.setTextSelection({ from: 2, to: 8 });
    editor.commands.setShowIf({ condition: 'no_offer', offerId: '', field: '', value: '' });
    expect(readDocument(editor).content?.[0]).toMatchObject({ type: 'showIf', attrs: { condition: 'no_offer' }, content: [p('One'), p('Two')] });
    editor.commands.setShowIf({ condition: 'offer', offerId: 'offer-1', field: '', value: '' });
    // Changed in place, not wrapped again (the trailing paragraph is StarterKit's place to type).
    expect(readDocument(editor).content?.filter((node) => node.type === 'showIf')).toHaveLength(1);
    expect(readDocument(editor).content?.[0].attrs).toMatchObject({ condition: 'offer', offerId: 'offer-1' });
    editor.commands.removeShowIf();
    expect(readDocument(editor).content?.slice(0, 2)).toEqual([p('One'), p('Two')]);
    expect(readDocument(editor).content?.some((node) => node.type === 'showIf')).toBe(false);
  });
});

describe('the dark-mode preview', () => {
  it("applies the email's own dark rules unconditionally", () => {
    const html = '<style>@media (prefers-color-scheme: dark) { .ml-email { background: #111 } } @media (max-width:480px) { p { margin: 0 } }</style>';
    expect(inDarkMode(html)).toBe('<style>@media all { .ml-email { background: #111 } } @media (max-width:480px) { p { margin: 0 } }</style>');
  });
});
