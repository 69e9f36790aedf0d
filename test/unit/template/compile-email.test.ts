import { describe, expect, it } from 'vitest';
// @ts-expect-error mjml 5 ships no type declarations
import mjml2html from 'mjml';
import { compileEmailTemplate, renderEmailForRecipient } from '../../../server/render/compile-email';
import { compileEmailToMjml, type Slot } from '../../../src/template/index';
import { GOLDEN_EMAIL, HOSTILE_ATTRIBUTE, HOSTILE_NAME } from './fixtures';

const LINK_STYLE = 'target="_blank" style="color:#2563eb;text-decoration:underline"';
const P = '<p style="margin:0 0 16px">';
const LIST_STYLE = 'style="margin:0 0 16px;padding:0 0 0 24px"';
const CODE_STYLE =
  'font-family:Menlo,Consolas,monospace;font-size:90%;background:#f4f5f7;padding:1px 4px;border-radius:3px';
const PRE_STYLE =
  'margin:0 0 16px;padding:12px;background:#f4f5f7;border-radius:4px;' +
  'font-family:Menlo,Consolas,monospace;font-size:14px;line-height:1.4;white-space:pre-wrap';

const DARK_SCHEME_CSS =
  '@media (prefers-color-scheme: dark) { .ml-email, body { background-color: #111418 !important; } ' +
  '.ml-email-card, .ml-email-card > table { background: #1f2328 !important; background-color: #1f2328 !important; } ' +
  '.ml-email-card div, .ml-email-card p, .ml-email-card li, .ml-email-card h1, .ml-email-card h2, .ml-email-card h3, .ml-email-card blockquote { color: #e6e8eb !important; } }';

// Written by hand: every node and mark, escaping of literal text, and one sentinel per distinct slot.
const GOLDEN_MJML = `<mjml>
  <mj-head>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1f2933" padding="0 24px" />
      <mj-button font-size="16px" font-weight="bold" border-radius="6px" inner-padding="12px 24px" padding="8px 24px 24px" />
      <mj-image padding="0 24px 16px" />
      <mj-divider padding="8px 24px 24px" />
    </mj-attributes>
    <mj-raw><meta name="color-scheme" content="light dark" /><meta name="supported-color-schemes" content="light dark" /></mj-raw>
    <mj-style>${DARK_SCHEME_CSS}</mj-style>
    <mj-preview>Your courses at ml-slot-0-x are ready</mj-preview>
  </mj-head>
  <mj-body width="600px" background-color="#f4f5f7" css-class="ml-email">
    <mj-section background-color="#ffffff" padding="32px 0 16px" css-class="ml-email-card">
      <mj-column>
        <mj-text>
          <h1 style="margin:0 0 16px;font-size:28px;line-height:1.25">Hello ml-slot-1-x</h1>
          ${P}<strong>Bold</strong>, <em>italic</em>, <u>underline</u>, <s>strike</s> and <code style="${CODE_STYLE}">code</code>.<br />Fish &amp; chips &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;</p>
          ${P}Open <a href="ml-slot-2-x" ${LINK_STYLE}>your courses</a>, read the <a href="https://example.com/guide?a=1&amp;b=2" ${LINK_STYLE}>guide</a> or <a href="https://example.com/prefs?email=ml-slot-3-x" ${LINK_STYLE}>update <strong>settings</strong></a>.</p>
          <ul ${LIST_STYLE}><li>${P}First</p></li><li>${P}Second</p><ol start="3" ${LIST_STYLE}><li>${P}Nested</p></li></ol></li></ul>
          <blockquote style="margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid #d0d5dd;color:#52606d">${P}Quoted <strong>ml-slot-0-x</strong></p></blockquote>
          <pre style="${PRE_STYLE}"><code>const a = 1 &lt; 2;
return a;</code></pre>
        </mj-text>
        <mj-divider border-width="1px" border-color="#e4e7eb" />
        <mj-image src="https://cdn.example.com/logo.png" alt="Logo of ml-slot-4-x" title="Logo" />
        <mj-button href="ml-slot-5-x" align="center" background-color="#111827" color="#ffffff">Go to ml-slot-0-x</mj-button>
        <mj-text>
          ${P}<br /></p>
          <h2 style="margin:0 0 16px;font-size:24px;line-height:1.25">Questions?</h2>
          ${P}Write to <a href="mailto:ml-slot-6-x" ${LINK_STYLE}>support</a>.</p>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

const GOLDEN_SLOTS: Slot[] = [
  { key: 'site.title', context: 'html' },
  { key: 'contact.first_name', fallback: 'there', context: 'html' },
  { key: 'magic_link.courses', context: 'url', whole: true },
  { key: 'contact.email', context: 'url' },
  { key: 'site.title', context: 'attr' },
  { key: 'magic_link.learner', context: 'url', whole: true },
  { key: 'site.support_email', context: 'url' },
];

const RECIPIENT: Record<string, string> = {
  'contact.first_name': 'Ada',
  'contact.email': 'ada+news@example.com',
  'site.title': 'Engine School',
  'site.support_email': 'help@example.com',
  'magic_link.courses': 'https://school.example.com/courses?token=aaa.bbb.ccc&utm_source=email',
  'magic_link.learner': 'https://school.example.com/?token=ddd.eee.fff&utm_source=email',
};

describe('compileEmailToMjml', () => {
  it('writes every node and mark as hand-checked MJML with one sentinel per distinct slot', () => {
    const { mjml, slots } = compileEmailToMjml(GOLDEN_EMAIL);
    expect(mjml).toBe(GOLDEN_MJML);
    expect(slots).toEqual(GOLDEN_SLOTS);
  });

  it('produces MJML that passes strict validation', async () => {
    const result = await mjml2html(GOLDEN_MJML, { validationLevel: 'strict' });
    expect(result.errors).toEqual([]);
  });

  it('uses the brand colour and font, and ignores values that are not a colour or a font stack', () => {
    const branded = compileEmailToMjml(GOLDEN_EMAIL, { brandColor: '#aa0000', fontFamily: "'Open Sans', sans-serif" });
    expect(branded.mjml).toContain(`<mj-all font-family="'Open Sans', sans-serif" />`);
    expect(branded.mjml).toContain('style="color:#aa0000;text-decoration:underline"');
    const hostile = compileEmailToMjml(GOLDEN_EMAIL, { brandColor: 'red;x:"', fontFamily: 'a"><script>' });
    expect(hostile.mjml).toContain('<mj-all font-family="Helvetica, Arial, sans-serif" />');
    expect(hostile.mjml).toContain('style="color:#2563eb;text-decoration:underline"');
  });

  it('breaks sentinel look-alikes typed by the author, even across adjacent text nodes', () => {
    const { mjml, slots } = compileEmailToMjml({
      subject: 's',
      previewText: '',
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'ml-sl' },
              { type: 'text', text: 'ot-0-x and ml-slot-1-x' },
              { type: 'mergeField', attrs: { key: 'contact.first_name' } },
            ],
          },
        ],
      },
    });
    expect(mjml).toContain(`${P}ml&#45;slot-0-x and ml&#45;slot-1-xml-slot-0-x</p>`);
    expect(slots).toEqual([{ key: 'contact.first_name', context: 'html' }]);
  });

  it('renders a nested button and image as HTML, and drops an image whose address is unsafe', () => {
    const { mjml } = compileEmailToMjml({
      subject: 's',
      previewText: '',
      body: {
        type: 'doc',
        content: [
          {
            type: 'blockquote',
            content: [
              { type: 'button', attrs: { href: 'javascript:alert(1)', label: 'Go', align: 'right', fullWidth: true } },
              { type: 'image', attrs: { src: 'https://cdn.example.com/a.png', alt: '' } },
              { type: 'horizontalRule' },
            ],
          },
          { type: 'image', attrs: { src: 'data:image/png;base64,AAAA', alt: 'x' } },
        ],
      },
    });
    expect(mjml).toContain(
      '<p style="margin:0 0 16px;text-align:right"><a href="#" target="_blank" style="display:block;padding:12px 24px;' +
        'border-radius:6px;background:#2563eb;color:#ffffff;font-weight:bold;text-decoration:none">Go</a></p>' +
        '<img src="https://cdn.example.com/a.png" alt="" style="display:block;max-width:100%;height:auto;border:0" />' +
        '<hr style="border:none;border-top:1px solid #e4e7eb;margin:0 0 16px" />',
    );
    expect(mjml).not.toContain('data:');
    expect(mjml).not.toContain('javascript:');
  });
});

describe('compileEmailTemplate', () => {
  it('compiles to HTML whose slots sit in the button href, the link hrefs and the text', async () => {
    const compiled = await compileEmailTemplate(GOLDEN_EMAIL);
    expect(compiled.warnings).toEqual([]);
    const { parts, slots } = compiled.html;
    expect(parts).toHaveLength(slots.length + 1);
    const before = (key: string, context: Slot['context']) =>
      slots.flatMap((slot, i) => (slot.key === key && slot.context === context ? [parts[i]] : []));
    // The button: MJML writes an <a> whose href is exactly the slot.
    expect(before('magic_link.learner', 'url')).toHaveLength(1);
    expect(before('magic_link.learner', 'url')[0]).toMatch(/<a\s+href="$/);
    expect(before('magic_link.courses', 'url')[0]).toMatch(/<a href="$/);
    expect(before('contact.email', 'url')[0]).toMatch(/<a href="https:\/\/example\.com\/prefs\?email=$/);
    expect(before('site.support_email', 'url')[0]).toMatch(/<a href="mailto:$/);
    expect(before('site.title', 'attr')[0]).toMatch(/alt="Logo of $/);
    expect(before('contact.first_name', 'html')[0]).toMatch(/>Hello $/);
    // Preview text, blockquote and button label all name site.title in element text.
    expect(before('site.title', 'html')).toHaveLength(3);
  });

  it('fills per recipient: magic links land in href with & as &amp;, values are escaped', async () => {
    const compiled = await compileEmailTemplate(GOLDEN_EMAIL);
    const email = renderEmailForRecipient(compiled, (slot) => RECIPIENT[slot.key]);
    expect(email.subject).toBe('Welcome, Ada!');
    expect(email.html).toContain(
      '<a href="https://school.example.com/courses?token=aaa.bbb.ccc&amp;utm_source=email" target="_blank"',
    );
    expect(email.html).toMatch(/<a\s+href="https:\/\/school\.example\.com\/\?token=ddd\.eee\.fff&amp;utm_source=email"/);
    expect(email.html).toContain('href="https://example.com/prefs?email=ada%2Bnews%40example.com"');
    expect(email.html).toContain('href="mailto:help%40example.com"');
    expect(email.html).toContain('alt="Logo of Engine School"');
    expect(email.html).toContain('>Hello Ada</h1>');
    expect(email.html).toContain('Your courses at Engine School are ready');
    expect(email.html).not.toMatch(/ml-slot-\d+-x/);
  });

  it('keeps a hostile first name inert and falls back when a value is empty', async () => {
    const compiled = await compileEmailTemplate(GOLDEN_EMAIL);
    const hostile = renderEmailForRecipient(compiled, (slot) =>
      slot.key === 'contact.first_name' ? HOSTILE_NAME : RECIPIENT[slot.key],
    );
    expect(hostile.html).toContain('>Hello &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(hostile.html).not.toContain('<script>');
    const empty = renderEmailForRecipient(compiled, (slot) => (slot.key === 'contact.first_name' ? '' : RECIPIENT[slot.key]));
    expect(empty.html).toContain('>Hello there</h1>');
    expect(empty.subject).toBe('Welcome, friend!');
  });

  it('keeps a hostile value inert in every slot of the HTML: text, attribute, whole URL, URL part', async () => {
    const compiled = await compileEmailTemplate(GOLDEN_EMAIL);
    const email = renderEmailForRecipient(compiled, () => HOSTILE_ATTRIBUTE);
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('>Hello &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(email.html).toContain('alt="Logo of &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(email.html).toContain('<a href="#" target="_blank"');
    expect(email.html).toMatch(/<a\s+href="#"/);
    expect(email.html).toContain('href="https://example.com/prefs?email=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"');
    const script = renderEmailForRecipient(compiled, (slot) =>
      slot.key.startsWith('magic_link.') ? 'javascript:alert(1)' : HOSTILE_NAME,
    );
    expect(script.html).not.toContain('<script>');
    expect(script.html).not.toContain('javascript:');
    expect(script.text).toContain(`HELLO ${HOSTILE_NAME}`); // plain text is never interpreted
  });

  it('compiles hostile author content under strict validation without letting markup through', async () => {
    const attack = '"><script>alert(1)</script>';
    const compiled = await compileEmailTemplate({
      subject: attack,
      previewText: attack,
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: attack, marks: [{ type: 'link', attrs: { href: `https://a.example/${attack}` } }] }] },
          { type: 'image', attrs: { src: `https://a.example/${attack}`, alt: attack, title: attack } },
          { type: 'button', attrs: { href: `https://a.example/${attack}`, label: attack, align: attack, backgroundColor: attack, textColor: attack, fullWidth: attack } },
          { type: 'heading', attrs: { level: attack }, content: [{ type: 'text', text: attack }] },
        ],
      },
    });
    expect(compiled.html.slots).toEqual([]);
    expect(compiled.html.parts[0]).not.toContain('<script>');
    expect(compiled.html.parts[0]).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('compiles an empty document', async () => {
    const compiled = await compileEmailTemplate({ subject: 'Hi', previewText: '', body: { type: 'doc', content: [] } });
    expect(compiled.html.parts[0]).toContain('<!doctype html>');
    expect(compiled.text).toEqual({ parts: [''], slots: [] });
  });
});
