// @vitest-environment jsdom
/**
 * Images and social links in the composer: upload by picking, pasting or dropping a file (the host's
 * uploader, or memberlink's), the description asked for, width, alignment and link; the social row
 * edited per network; both survive document → editor → document unchanged.
 */
import { readFileSync } from 'node:fs';
import { fireEvent } from '@testing-library/react';
import { Editor } from '@tiptap/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/composer/editor/read-document';
import { emailExtensions, type ComposerExtensionDeps } from '../../../src/composer/extensions/extension-sets';
import { describeField } from '../../../src/composer/merge-field/describe-field';
import { findFields } from '../../../src/composer/merge-field/find-fields';
import { MAX_IMAGE_BYTES } from '../../../src/contract/media';
import { DEFAULT_CATALOG, type DocNode, type EmailContent } from '../../../src/template';
import { bodyEditor, nodesOfType, renderComposer, screen, waitFor } from './composer-harness';

const deps: ComposerExtensionDeps = {
  describeField: (key) => describeField(key, DEFAULT_CATALOG, []),
  findFields: (query) => findFields(DEFAULT_CATALOG, query),
  renderFieldPicker: undefined,
};
const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

const IMAGE: DocNode = {
  type: 'image',
  attrs: { src: 'https://cdn.example.com/hall.jpg', alt: 'The recital hall', title: null, width: 320, align: 'right', href: '{{magic_link.courses}}' },
};
const SOCIAL: DocNode = {
  type: 'socialLinks',
  attrs: { links: [{ network: 'instagram', url: 'https://instagram.com/academy' }, { network: 'linkedin', url: 'https://linkedin.com/company/academy' }], align: 'left' },
};
const DOC: DocNode = { type: 'doc', content: [IMAGE, SOCIAL, { type: 'paragraph', content: [{ type: 'text', text: 'After' }] }] };

const png = (name = 'photo.png', bytes = 16) => new File([new Uint8Array(bytes)], name, { type: 'image/png' });

/** A host uploader that records what it was given and answers a content address. */
function fakeUploader() {
  const received: File[] = [];
  const upload = async (file: File) => {
    received.push(file);
    return { url: `https://memberlink.example/media/${'a'.repeat(63)}${received.length}.png` };
  };
  return { received, upload };
}

const imageNodes = (value: unknown) => nodesOfType((value as EmailContent).body, 'image');

describe('images and social links: document → editor → document', () => {
  it('come back unchanged, straight and through HTML (copy and paste)', () => {
    const editor = new Editor({ extensions: emailExtensions(deps), content: DOC });
    editors.push(editor);
    expect(readDocument(editor)).toEqual(DOC);
    const pasted = new Editor({ extensions: emailExtensions(deps), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
    editors.push(pasted);
    pasted.commands.setContent(editor.getHTML());
    expect(readDocument(pasted)).toEqual(DOC);
  });

  it('every image and social row of the example document comes back unchanged', () => {
    const example = JSON.parse(readFileSync('examples/documents/every-block.json', 'utf8')) as EmailContent;
    const editor = new Editor({ extensions: emailExtensions(deps), content: example.body });
    editors.push(editor);
    const back = readDocument(editor);
    for (const type of ['image', 'socialLinks']) expect(nodesOfType(back, type), type).toEqual(nodesOfType(example.body, type));
  });
});

describe('the Image menu', () => {
  it('uploads a picked file, asks for its description, and inserts it with width, alignment and a magic link', async () => {
    const uploader = fakeUploader();
    const { user, latest } = renderComposer({ channel: 'email', onUploadImage: uploader.upload });
    await user.click(bodyEditor());
    await user.click(screen.getByRole('button', { name: 'Image' }));
    await user.upload(screen.getByLabelText('Choose an image file'), png());
    expect(uploader.received.map((file) => file.name)).toEqual(['photo.png']);
    const address = screen.getByRole('textbox', { name: 'Image address' }) as HTMLInputElement;
    await waitFor(() => expect(address.value).toMatch(/^https:\/\/memberlink\.example\/media\//));

    // No description yet: refused, with the reason.
    await user.click(screen.getByRole('button', { name: 'Insert image' }));
    expect(screen.getByRole('alert').textContent).toContain('Describe the image');

    await user.type(screen.getByRole('textbox', { name: 'Description (alt text)' }), 'Our new studio');
    await user.type(screen.getByRole('textbox', { name: 'Width (px)' }), '300');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Align' }), 'left');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Or link to a magic link' }), 'magic_link.courses');
    await user.click(screen.getByRole('button', { name: 'Insert image' }));
    expect(imageNodes(latest())[0].attrs).toEqual({ src: address.value, alt: 'Our new studio', title: null, width: 300, align: 'left', href: '{{magic_link.courses}}' });
  });

  it('changes the selected image, and refuses a width out of range', async () => {
    const { user, latest } = renderComposer({ channel: 'email', initialValue: { subject: 'Hi', previewText: '', body: DOC } });
    await user.click(bodyEditor());
    await user.click(document.querySelector('.ml-image-block')!);
    await user.click(screen.getByRole('button', { name: 'Image' }));
    const width = screen.getByRole('textbox', { name: 'Width (px)' }) as HTMLInputElement;
    expect(width.value).toBe('320');
    await user.clear(width);
    await user.type(width, '5000');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toContain('from 40 to 600');
    await user.clear(width);
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(imageNodes(latest())[0].attrs).toMatchObject({ width: null, alt: 'The recital hall', align: 'right' });
  });
});

describe('pasting and dropping image files', () => {
  it('a pasted image is uploaded, inserted and selected, and shows it needs a description', async () => {
    const uploader = fakeUploader();
    const { user, latest } = renderComposer({ channel: 'email', onUploadImage: uploader.upload });
    await user.click(bodyEditor());
    fireEvent.paste(bodyEditor(), { clipboardData: { files: [png('pasted.png')], types: ['Files'], getData: () => '' } });
    await waitFor(() => expect(imageNodes(latest())).toHaveLength(1));
    expect(uploader.received[0].name).toBe('pasted.png');
    expect(imageNodes(latest())[0].attrs).toMatchObject({ alt: '', src: expect.stringMatching(/1\.png$/) });
    expect(screen.getByText('Needs a description: select it, then Image')).toBeTruthy();
    // The Image menu now edits it: the description goes in there.
    await user.click(screen.getByRole('button', { name: 'Image' }));
    await user.type(screen.getByRole('textbox', { name: 'Description (alt text)' }), 'A pasted chart');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(imageNodes(latest())[0].attrs?.alt).toBe('A pasted chart');
    expect(screen.queryByText('Needs a description: select it, then Image')).toBeNull();
  });

  it('a dropped image is uploaded and inserted', async () => {
    const uploader = fakeUploader();
    const { user, latest } = renderComposer({ channel: 'email', onUploadImage: uploader.upload });
    await user.click(bodyEditor());
    fireEvent.drop(bodyEditor(), { dataTransfer: { files: [png('dropped.png')], types: ['Files'], getData: () => '' } });
    await waitFor(() => expect(imageNodes(latest())).toHaveLength(1));
    expect(uploader.received.map((file) => file.name)).toEqual(['dropped.png']);
  });

  it('refuses what is not PNG/JPEG/GIF/WebP or is too big before uploading, and shows the server\'s refusal', async () => {
    const uploader = fakeUploader();
    const { user } = renderComposer({
      channel: 'email',
      onUploadImage: async (file) => (file.name === 'fake.png' ? Promise.reject(new Error('This file is not a PNG, JPEG, GIF or WebP image')) : uploader.upload(file)),
    });
    await user.click(bodyEditor());
    fireEvent.paste(bodyEditor(), { clipboardData: { files: [new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' })], types: ['Files'], getData: () => '' } });
    expect((await screen.findByRole('alert')).textContent).toBe('"logo.svg" is not a PNG, JPEG, GIF or WebP image. Save it as one of those and upload it again.');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));

    fireEvent.paste(bodyEditor(), { clipboardData: { files: [png('huge.png', MAX_IMAGE_BYTES + 1)], types: ['Files'], getData: () => '' } });
    expect((await screen.findByRole('alert')).textContent).toContain('"huge.png" is 5.0 MB; images can be at most 5 MB.');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));

    fireEvent.paste(bodyEditor(), { clipboardData: { files: [png('fake.png')], types: ['Files'], getData: () => '' } });
    expect((await screen.findByRole('alert')).textContent).toContain('This file is not a PNG, JPEG, GIF or WebP image');
    expect(uploader.received).toEqual([]);
  });

  it('without an uploader (no siteId, no onUploadImage) says images go in by address', async () => {
    const { user } = renderComposer({ channel: 'email' });
    await user.click(bodyEditor());
    fireEvent.paste(bodyEditor(), { clipboardData: { files: [png()], types: ['Files'], getData: () => '' } });
    expect((await screen.findByRole('alert')).textContent).toContain('by their web address');
    await user.click(screen.getByRole('button', { name: 'Image' }));
    expect(screen.queryByLabelText('Choose an image file')).toBeNull();
  });

  it('with a siteId, uploads to memberlink\'s media route with the file as the body', async () => {
    const requests: Array<{ url: string; init: RequestInit }> = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      if (url.endsWith('/media')) return new Response(JSON.stringify({ url: 'https://memberlink.example/media/x.png' }), { status: 201 });
      return new Response(JSON.stringify({ channel: 'email', subject: '', html: '', text: '' }));
    }) as typeof fetch;
    try {
      const { user, latest } = renderComposer({ channel: 'email', siteId: 'site-1', apiBaseUrl: 'https://memberlink.example/' });
      await user.click(bodyEditor());
      const file = png('via-fetch.png');
      fireEvent.paste(bodyEditor(), { clipboardData: { files: [file], types: ['Files'], getData: () => '' } });
      await waitFor(() => expect(imageNodes(latest())).toHaveLength(1));
      const upload = requests.find((request) => request.url.endsWith('/media'))!;
      expect(upload.url).toBe('https://memberlink.example/api/sites/site-1/media');
      expect(upload.init).toMatchObject({ method: 'POST', credentials: 'include', headers: { 'content-type': 'image/png' }, body: file });
      expect(imageNodes(latest())[0].attrs?.src).toBe('https://memberlink.example/media/x.png');
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('the Social links menu', () => {
  it('inserts a row of the networks given, https only, drawn with memberlink\'s icons', async () => {
    const { user, latest } = renderComposer({ channel: 'email', apiBaseUrl: 'https://memberlink.example' });
    await user.click(bodyEditor());
    await user.click(screen.getByRole('button', { name: 'Social links' }));
    await user.type(screen.getByRole('textbox', { name: 'Facebook' }), 'http://facebook.com/academy');
    await user.type(screen.getByRole('textbox', { name: 'YouTube' }), 'https://youtube.com/@academy');
    await user.click(screen.getByRole('button', { name: 'Insert social links' }));
    expect(screen.getByRole('alert').textContent).toBe('Facebook: use the full address of your page, starting with https://.');

    const facebook = screen.getByRole('textbox', { name: 'Facebook' });
    await user.clear(facebook);
    await user.type(facebook, 'https://facebook.com/academy');
    await user.click(screen.getByRole('button', { name: 'Insert social links' }));
    expect(nodesOfType((latest() as EmailContent).body, 'socialLinks')[0].attrs).toEqual({
      links: [{ network: 'facebook', url: 'https://facebook.com/academy' }, { network: 'youtube', url: 'https://youtube.com/@academy' }],
      align: 'center',
    });
    const icons = [...document.querySelectorAll<HTMLImageElement>('.ml-social-icon')];
    expect(icons.map((icon) => [icon.alt, icon.getAttribute('src')])).toEqual([
      ['Facebook', 'https://memberlink.example/media/social/facebook.png'],
      ['YouTube', 'https://memberlink.example/media/social/youtube.png'],
    ]);
  });

  it('goes after a selected image, never in its place', async () => {
    const { user, latest } = renderComposer({ channel: 'email', initialValue: { subject: 'Hi', previewText: '', body: DOC } });
    await user.click(bodyEditor());
    await user.click(document.querySelector('.ml-image-block')!);
    await user.click(screen.getByRole('button', { name: 'Social links' }));
    await user.type(screen.getByRole('textbox', { name: 'X' }), 'https://x.com/academy');
    await user.click(screen.getByRole('button', { name: 'Insert social links' }));
    const types = ((latest() as EmailContent).body.content ?? []).map((node) => node.type);
    expect(types).toEqual(['image', 'socialLinks', 'socialLinks', 'paragraph']);
  });

  it('changes the selected row', async () => {
    const { user, latest } = renderComposer({ channel: 'email', initialValue: { subject: 'Hi', previewText: '', body: DOC } });
    await user.click(bodyEditor());
    await user.click(document.querySelector('.ml-social-block')!);
    await user.click(screen.getByRole('button', { name: 'Social links' }));
    expect((screen.getByRole('textbox', { name: 'Instagram' }) as HTMLInputElement).value).toBe('https://instagram.com/academy');
    await user.clear(screen.getByRole('textbox', { name: 'LinkedIn' }));
    await user.type(screen.getByRole('textbox', { name: 'TikTok' }), 'https://tiktok.com/@academy');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(nodesOfType((latest() as EmailContent).body, 'socialLinks')).toEqual([
      { type: 'socialLinks', attrs: { links: [{ network: 'instagram', url: 'https://instagram.com/academy' }, { network: 'tiktok', url: 'https://tiktok.com/@academy' }], align: 'left' } },
    ]);
  });
});
