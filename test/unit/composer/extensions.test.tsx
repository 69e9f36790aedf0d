// @vitest-environment jsdom
import { Editor, type Extensions } from '@tiptap/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/composer/editor/read-document';
import { sanitizeButtonAttributes } from '../../../src/composer/extensions/button-attributes';
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
const editorWith = (extensions: Extensions, content: DocNode) => {
  const editor = new Editor({ extensions, content });
  editors.push(editor);
  return editor;
};
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

const richDoc: DocNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Hi ' },
        { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: 'there' } },
        { type: 'text', text: ', ' },
        { type: 'text', text: 'log in', marks: [{ type: 'link', attrs: { href: '{{magic_link.courses}}', target: null, rel: null, class: null, title: null } }] },
      ],
    },
    {
      type: 'button',
      attrs: { href: '{{magic_link.course.piano-101}}', label: 'Open course', align: 'right', backgroundColor: '#0f766e', textColor: '#ffffff', fullWidth: true },
    },
    // StarterKit's trailing node keeps a paragraph after a final button, so there is somewhere to type.
    { type: 'paragraph' },
  ],
};

describe('the email schema', () => {
  it('survives a trip through HTML (copy and paste between editors)', () => {
    const html = editorWith(emailExtensions(deps), richDoc).getHTML();
    expect(html).toContain('<span data-merge-field="contact.first_name" data-fallback="there" class="ml-merge-field">First name · there</span>');
    expect(html).toContain('<a href="{{magic_link.course.piano-101}}"');

    const pasted = editorWith(emailExtensions(deps), { type: 'doc', content: [{ type: 'paragraph' }] });
    pasted.commands.setContent(html);
    expect(readDocument(pasted)).toEqual(richDoc);
  });

  it('marks a chip whose key the catalog does not know', () => {
    const doc: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'mergeField', attrs: { key: 'contact.shoe_size', fallback: null } }] }] };
    expect(editorWith(emailExtensions(deps), doc).getHTML()).toContain('class="ml-merge-field ml-merge-field--unknown">contact.shoe_size<');
  });

  it('draws a button in the editor without an href, so clicking it cannot navigate', () => {
    const editor = editorWith(emailExtensions(deps), richDoc);
    const face = editor.view.dom.querySelector('.ml-button') as HTMLElement;
    expect(face.tagName).toBe('SPAN');
    expect(face.textContent).toBe('Open course');
    expect(face.style.backgroundColor).toBe('rgb(15, 118, 110)');
    expect(editor.view.dom.querySelector('a[href*="piano"]')).toBeNull();
  });
});

describe('the SMS schema', () => {
  it('has no node or mark beyond text, paragraphs, breaks, fields and links', () => {
    const editor = editorWith(smsExtensions(deps), { type: 'doc', content: [{ type: 'paragraph' }] });
    expect(Object.keys(editor.schema.nodes).sort()).toEqual(['doc', 'hardBreak', 'mergeField', 'paragraph', 'text']);
    expect(Object.keys(editor.schema.marks)).toEqual(['link']);
  });
});

describe('sanitizeButtonAttributes', () => {
  it('keeps valid values and drops the rest', () => {
    expect(
      sanitizeButtonAttributes({
        href: 'javascript:alert(1)',
        label: 'Go',
        align: 'justify',
        backgroundColor: 'red;background:url(x)',
        textColor: '#fff',
        fullWidth: 'yes',
      }),
    ).toEqual({ label: 'Go', textColor: '#fff' });
    expect(sanitizeButtonAttributes({ href: ' {{magic_link.user}} ', align: 'left' })).toEqual({ href: '{{magic_link.user}}', align: 'left' });
    expect(sanitizeButtonAttributes({ href: '' })).toEqual({ href: '' });
  });
});

describe('findFields', () => {
  it('matches labels and keys, word starts first', () => {
    expect(findFields(DEFAULT_CATALOG, 'support').map((v) => v.key)).toEqual(['site.support_email', 'site.support_phone']);
    expect(findFields(DEFAULT_CATALOG, 'EMAIL').map((v) => v.key)).toEqual(['contact.email', 'site.support_email']);
    expect(findFields(DEFAULT_CATALOG, '')).toHaveLength(DEFAULT_CATALOG.length);
    expect(findFields(DEFAULT_CATALOG, 'nothing-like-this')).toEqual([]);
  });
});

describe('describeField', () => {
  it('names catalog values, host destinations and unknown keys', () => {
    const destinations = [{ value: 'courses/piano-101', label: 'Piano basics' }];
    expect(describeField('contact.first_name', DEFAULT_CATALOG, destinations)).toEqual({ label: 'First name', known: true });
    expect(describeField('magic_link.course.piano-101', DEFAULT_CATALOG, destinations)).toEqual({ label: 'Magic link: Piano basics', known: true });
    expect(describeField('contact.shoe_size', DEFAULT_CATALOG, destinations)).toEqual({ label: 'contact.shoe_size', known: false });
  });
});
