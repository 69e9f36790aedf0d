/**
 * Fidelity gate: caniemail's data (via @jsx-email/doiuse-email) over an email with every block, for
 * Gmail, Outlook and Apple Mail, compared with hand-written MJML of the same structure. MJML itself
 * brings issues (media queries, class selectors…); our serializers must add no kind it lacks.
 */
import { doIUseEmail } from '@jsx-email/doiuse-email';
// @ts-expect-error mjml 5 ships no type declarations
import mjml2html from 'mjml';
import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from '../../../server/channels/email/compile-email.ts';
import { renderEmailForRecipient, type DocNode, type EmailContent } from '../../../src/template/index';

const CLIENTS = ['gmail.*', 'outlook.*', 'apple-mail.*'];

const text = (value: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

const EVERY_BLOCK: EmailContent = {
  subject: 'Every block',
  previewText: 'All of them',
  body: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [text('Hello')] },
      paragraph(text('Bold', [{ type: 'bold' }]), text(' and a '), text('link', [{ type: 'link', attrs: { href: 'https://example.com' } }])),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('One'))] }] },
      { type: 'horizontalRule' },
      { type: 'image', attrs: { src: 'https://cdn.example.com/a.png', alt: 'A' } },
      { type: 'image', attrs: { src: 'https://cdn.example.com/b.png', alt: 'B', width: 300, align: 'left', href: '{{magic_link.courses}}' } },
      { type: 'socialLinks', attrs: { links: [{ network: 'facebook', url: 'https://facebook.com/a' }, { network: 'x', url: 'https://x.com/a' }] } },
      { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open' } },
      { type: 'spacer', attrs: { height: 24 } },
      {
        type: 'columns',
        content: [
          { type: 'column', content: [paragraph(text('Left'))] },
          { type: 'column', content: [paragraph(text('Right'))] },
        ],
      },
      { type: 'footer' },
    ],
  },
};

// The same structure written by hand: one section, a two-column section, one section.
const PLAIN_MJML = `<mjml>
  <mj-head><mj-preview>All of them</mj-preview></mj-head>
  <mj-body width="600px" background-color="#f4f5f7">
    <mj-section background-color="#ffffff">
      <mj-column>
        <mj-text><h1>Hello</h1><p><strong>Bold</strong> and a <a href="https://example.com">link</a></p><ul><li><p>One</p></li></ul></mj-text>
        <mj-divider />
        <mj-image src="https://cdn.example.com/a.png" alt="A" />
        <mj-image src="https://cdn.example.com/b.png" alt="B" width="300px" align="left" href="https://example.com/courses" />
        <mj-social>
          <mj-social-element src="https://example.com/social/facebook.png" href="https://facebook.com/a" alt="Facebook" />
          <mj-social-element src="https://example.com/social/x.png" href="https://x.com/a" alt="X" />
        </mj-social>
        <mj-button href="https://example.com/courses">Open</mj-button>
        <mj-spacer height="24px" />
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff">
      <mj-column><mj-text><p>Left</p></mj-text></mj-column>
      <mj-column><mj-text><p>Right</p></mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff">
      <mj-column>
        <mj-text><p>Acme</p><p>12 Engine Row</p><p><a href="https://example.com/unsubscribe">Unsubscribe</a></p></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

/** Issue kinds: "`feature` is (only partially) not supported by `client`", each once. */
function issueKinds(html: string): Set<string> {
  const result = doIUseEmail(html, { emailClients: CLIENTS });
  return new Set([...result.warnings, ...('errors' in result ? result.errors : [])]);
}

describe('email-client support of every block', () => {
  it('adds no issue kind for Gmail, Outlook or Apple Mail that plain MJML of the same structure lacks', async () => {
    const compiled = await compileEmailTemplate(EVERY_BLOCK);
    const ours = renderEmailForRecipient(compiled, (slot) => (slot.key === 'magic_link.courses' ? 'https://example.com/courses' : 'https://example.com/x')).html;
    const plain = (await mjml2html(PLAIN_MJML, { validationLevel: 'strict' })).html as string;
    const plainKinds = issueKinds(plain);
    const added = [...issueKinds(ours)].filter((kind) => !plainKinds.has(kind));
    expect(added).toEqual([]);
    expect(plainKinds.size).toBeGreaterThan(0); // the check really ran
  });
});
