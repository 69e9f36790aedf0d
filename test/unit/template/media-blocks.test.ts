/** Images (width, alignment, link, required description) and the social links row in every output. */
import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from '../../../server/channels/email/compile-email';
import {
  compileEmailToMjml,
  compileEmailToText,
  DEFAULT_CATALOG,
  fillTemplate,
  renderEmailForRecipient,
  sentinel,
  validateEmailContent,
  validateSmsContent,
  type DocNode,
  type EmailContent,
} from '../../../src/template/index';
import { MEDIA_URL_KEY } from '../../../src/template/social-networks';

const email = (...content: DocNode[]): EmailContent => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });
const image = (attrs: Record<string, unknown>): DocNode => ({ type: 'image', attrs: { src: 'https://cdn.example.com/a.png', alt: 'The hall', ...attrs } });
const social = (links: unknown, attrs: Record<string, unknown> = {}): DocNode => ({ type: 'socialLinks', attrs: { links, ...attrs } });
const LINKS = [
  { network: 'facebook', url: 'https://www.facebook.com/academy' },
  { network: 'linkedin', url: 'https://linkedin.com/company/academy' },
];
const MEDIA = 'https://memberlink.example/media/';
const values = (slot: { key: string }) => (slot.key === MEDIA_URL_KEY ? MEDIA : 'https://academy.example.com/courses?token=t');
const bodyOf = (content: EmailContent) => {
  const { mjml } = compileEmailToMjml(content);
  return mjml.slice(mjml.indexOf('<mj-column>') + '<mj-column>'.length, mjml.indexOf('</mj-column>')).trim();
};

describe('the image block', () => {
  it('keeps a whole width from 40 to 600 pixels, and is as wide as its column for any other', () => {
    const widthOf = (width: unknown) => /width="(\d+)px"/.exec(bodyOf(email(image({ width }))))?.[1] ?? null;
    expect([40, 41, 599, 600].map(widthOf)).toEqual(['40', '41', '599', '600']);
    expect([39, 601, 0, -240, 240.5, '240', null].map(widthOf)).toEqual(Array(7).fill(null));
  });

  it('leaves out an image whose address can never be safe', () => {
    const body = bodyOf(email(image({ src: 'javascript:alert(1)' }), { type: 'paragraph', content: [{ type: 'text', text: 'After' }] }));
    expect(body.startsWith('<mj-text>')).toBe(true);
    expect(body).not.toContain('<mj-image');
    expect(body).not.toContain('javascript');
  });

  it('reads in plain text as its description, or "[Image]" when a linked image has none', () => {
    const plain = (attrs: Record<string, unknown>) => fillTemplate(compileEmailToText(email(image(attrs))), () => '');
    expect(plain({})).toBe('[The hall]');
    expect(plain({ href: 'https://academy.example.com/recital' })).toBe('[The hall]: https://academy.example.com/recital');
    expect(plain({ alt: '', href: 'https://academy.example.com/recital' })).toBe('[Image]: https://academy.example.com/recital');
    expect(plain({ alt: '' })).toBe('');
  });

  it('links only to an address that can be safe, trimmed', () => {
    expect(bodyOf(email(image({ href: '  https://academy.example.com/recital  ' })))).toContain('href="https://academy.example.com/recital"');
    expect(bodyOf(email(image({ href: 'javascript:alert(1)' })))).not.toContain('href=');
    expect(bodyOf(email(image({ href: '   ' })))).not.toContain('href=');
  });

  it('writes only what differs from mj-image: width, alignment, link', () => {
    expect(bodyOf(email(image({})))).toBe('<mj-image src="https://cdn.example.com/a.png" alt="The hall" />');
    expect(bodyOf(email(image({ width: 240, align: 'right', href: 'https://academy.example.com/recital' })))).toBe(
      '<mj-image src="https://cdn.example.com/a.png" alt="The hall" width="240px" align="right" href="https://academy.example.com/recital" target="_blank" />',
    );
  });

  it('links to a magic link per recipient, in the HTML and the text part, through strict MJML', async () => {
    const compiled = await compileEmailTemplate(email(image({ href: '{{magic_link.courses}}', width: 300 })));
    expect(compiled.warnings).toEqual([]);
    const sent = renderEmailForRecipient(compiled, values);
    expect(sent.html).toContain('href="https://academy.example.com/courses?token=t"');
    expect(sent.html).toMatch(/<img[^>]*src="https:\/\/cdn.example.com\/a.png"[^>]*width="300"/);
    expect(sent.text).toContain('[The hall]: https://academy.example.com/courses?token=t');
  });

  it('inside a quote: a placed <img> in its link', () => {
    const quoted = bodyOf(email({ type: 'blockquote', content: [image({ width: 100, align: 'center', href: 'https://a.example/' })] }));
    expect(quoted).toContain(
      '<a href="https://a.example/" target="_blank"><img src="https://cdn.example.com/a.png" alt="The hall" width="100" style="display:block;margin:0 auto;max-width:100%;height:auto;border:0" /></a>',
    );
  });

  it('asks for a description in marketer words, and checks width, alignment and link', () => {
    const issues = validateEmailContent(
      email(image({ alt: '  ' }), image({ width: 20, align: 'middle', href: 'javascript:alert(1)' }), image({ width: null, href: '' })),
      DEFAULT_CATALOG,
    );
    expect(issues.map(({ path, message }) => [path, message])).toEqual([
      [
        'body.content[0].attrs.alt',
        'Image has no description: say what it shows (for example "Ada at the piano"), for people who cannot see it and for mail apps that hide images',
      ],
      ['body.content[1].attrs.width', 'Image width must be a whole number of pixels from 40 to 600, or empty for the full width'],
      ['body.content[1].attrs.align', 'Image alignment must be left, center or right'],
      [
        'body.content[1].attrs.href',
        'This image\'s link leads to "javascript:alert(1)", which can\'t be used: use a web address (https://…), an email (mailto:) or phone (tel:) address, or a magic link',
      ],
    ]);
  });
});

describe('the social links block', () => {
  it('is an mj-social row of our own icons, filled from memberlink\'s media address, through strict MJML', async () => {
    expect(bodyOf(email(social(LINKS, { align: 'left' })))).toMatch(/^<mj-social align="left" mode="horizontal" icon-size="32px"/);
    const compiled = await compileEmailTemplate(email(social(LINKS)));
    expect(compiled.warnings).toEqual([]);
    const sent = renderEmailForRecipient(compiled, values);
    expect(sent.html).toContain(`src="${MEDIA}social/facebook.png"`);
    expect(sent.html).toContain(`src="${MEDIA}social/linkedin.png"`);
    expect(sent.html).toContain('href="https://www.facebook.com/academy"');
    expect(sent.html).toMatch(/alt="LinkedIn"/);
    expect(sent.text).toContain('Facebook: https://www.facebook.com/academy\nLinkedIn: https://linkedin.com/company/academy');
  });

  it('inside a quote: linked 32-pixel icons in one paragraph', () => {
    expect(bodyOf(email({ type: 'blockquote', content: [social(LINKS.slice(0, 1))] }))).toContain(
      'alt="Facebook" width="32" height="32"',
    );
  });

  it('inside a quote: each icon in a link to the page, aligned as the row is', () => {
    expect(bodyOf(email({ type: 'blockquote', content: [social(LINKS.slice(0, 1), { align: 'left' })] }))).toContain(
      '<p style="margin:0 0 16px;text-align:left"><a href="https://www.facebook.com/academy" target="_blank" style="display:inline-block;margin:0 4px">' +
        `<img src="${sentinel(0)}social/facebook.png" alt="Facebook" width="32" height="32" style="display:block;margin:0 auto;border:0" /></a></p>`,
    );
  });

  it('shows an address trimmed, leaves out one that does not start with https://, and nothing when none is left', () => {
    expect(bodyOf(email(social([{ network: 'facebook', url: '  https://www.facebook.com/academy ' }])))).toContain('href="https://www.facebook.com/academy"');
    const unsafe = [{ network: 'facebook', url: 'http://www.facebook.com/?next=https://www.facebook.com/academy' }];
    expect(bodyOf(email(social(unsafe)))).toBe('');
    expect(bodyOf(email({ type: 'blockquote', content: [social(unsafe)] }))).toMatch(/<blockquote [^>]*><\/blockquote>/);
  });

  it('validates each link: a known network, https only, on that network, no custom values', () => {
    const issues = validateEmailContent(
      email(
        social([
          { network: 'myspace', url: 'https://myspace.com/a' },
          { network: 'instagram', url: 'http://instagram.com/a' },
          { network: 'x', url: 'https://evil.example/x' },
          { network: 'youtube', url: '' },
          { network: 'tiktok', url: 'https://tiktok.com/@{{contact.first_name}}' },
          { network: 'x', url: 'https://twitter.com/academy' },
        ]),
        social([]),
        social(LINKS, { align: 'top' }),
      ),
      DEFAULT_CATALOG,
    );
    expect(issues.map(({ path, message }) => [path, message])).toEqual([
      ['body.content[0].attrs.links[0].network', 'Social links can point to Facebook, Instagram, X, LinkedIn, YouTube, TikTok: pick one of them'],
      ['body.content[0].attrs.links[1].url', 'The Instagram address "http://instagram.com/a" must be a full https:// address, such as https://instagram.com/…'],
      ['body.content[0].attrs.links[2].url', 'The X address goes to evil.example, not X: use your page\'s address (https://x.com/…)'],
      ['body.content[0].attrs.links[3].url', 'The YouTube link has no address: paste the address of your page (https://youtube.com/…)'],
      [
        'body.content[0].attrs.links[4].url',
        'The TikTok address "https://tiktok.com/@{{contact.first_name}}" must be a full https:// address, such as https://tiktok.com/…',
      ],
      ['body.content[1].attrs.links', 'Social links has no links: add the address of at least one of your pages'],
      ['body.content[2].attrs.align', 'Social links alignment must be left, center or right'],
    ]);
  });

  it('an SMS refuses images and social links with the reason', () => {
    const sms = { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }, image({ alt: '' }), social(LINKS)] } };
    expect(validateSmsContent(sms, DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[1]', message: 'An SMS cannot show an image: describe it in words, or link to it' },
      { path: 'body.content[2]', message: 'An SMS cannot show social icons: write the address of your page as a link instead' },
    ]);
  });
});
