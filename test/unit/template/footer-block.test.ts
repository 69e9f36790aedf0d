import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from '../../../server/channels/email/compile-email.ts';
import {
  DEFAULT_CATALOG,
  MISSING_UNSUBSCRIBE_WARNING,
  compileEmailToText,
  emailSendWarnings,
  renderEmailForRecipient,
  validateEmailContent,
  validateSmsContent,
  type EmailContent,
} from '../../../src/template/index';

const withFooter: EmailContent = {
  subject: 'News',
  previewText: '',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }, { type: 'footer' }] },
};

const VALUES: Record<string, string> = {
  'site.title': 'Engine School',
  'site.postal_address': '12 Engine Row, London <N1>',
  unsubscribe_url: 'https://app.example.com/api/unsubscribe/abc.def',
};

describe('the footer block', () => {
  it('shows the site name, postal address and a visible unsubscribe link under strict MJML', async () => {
    const compiled = await compileEmailTemplate(withFooter);
    expect(compiled.warnings).toEqual([]);
    const rendered = renderEmailForRecipient(compiled, (slot) => VALUES[slot.key]);
    expect(rendered.html).toContain('>Engine School</p>');
    expect(rendered.html).toContain('>12 Engine Row, London &lt;N1&gt;</p>');
    expect(rendered.html).toContain('<a href="https://app.example.com/api/unsubscribe/abc.def" target="_blank" style="color:#616e7c;text-decoration:underline">Unsubscribe</a>');
  });

  it('reads as three lines in plain text', () => {
    const text = compileEmailToText(withFooter);
    expect(text.parts.join('{}')).toBe('Hello\n\n{}\n{}\nUnsubscribe: {}');
    expect(text.slots.map((slot) => slot.key)).toEqual(['site.title', 'site.postal_address', 'unsubscribe_url']);
  });

  it('is valid in an email and refused in an SMS', () => {
    expect(validateEmailContent(withFooter, DEFAULT_CATALOG)).toEqual([]);
    expect(validateSmsContent({ body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }, { type: 'footer' }] } }, DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[1]', message: 'An SMS cannot contain a footer: use plain paragraphs' },
    ]);
  });
});

describe('the unsubscribe warning', () => {
  const email = (content: EmailContent['body']['content']): EmailContent => ({ subject: 'News', previewText: '', body: { type: 'doc', content } });

  it('warns about an email without a visible unsubscribe link, and not when a footer or a link carries one', async () => {
    const bare = await compileEmailTemplate(email([{ type: 'paragraph', content: [{ type: 'text', text: 'Buy now, {{contact.first_name}}' }] }]));
    expect(emailSendWarnings(bare.html)).toEqual([MISSING_UNSUBSCRIBE_WARNING]);
    expect(emailSendWarnings((await compileEmailTemplate(withFooter)).html)).toEqual([]);
    const ownLink = await compileEmailTemplate(
      email([{ type: 'paragraph', content: [{ type: 'text', text: 'Stop these emails', marks: [{ type: 'link', attrs: { href: '{{unsubscribe_url}}' } }] }] }]),
    );
    expect(emailSendWarnings(ownLink.html)).toEqual([]);
  });

  it('accepts {{unsubscribe_url}} as a known custom value', () => {
    const content = email([{ type: 'paragraph', content: [{ type: 'text', text: 'Stop: {{unsubscribe_url}} and {{unknown_thing}}' }] }]);
    expect(validateEmailContent(content, DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[0].content[0]', message: 'Malformed custom value "{{unknown_thing}}" in body' },
    ]);
  });
});
