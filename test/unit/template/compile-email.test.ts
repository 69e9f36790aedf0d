/**
 * The email compiler, judged by what a reader and a mail client get: the elements each node and
 * mark becomes, the text and addresses they carry (escaping), where the custom values sit, that the
 * compiler's own MJML passes strict validation, and the plain-text part. Parsed, never compared as a
 * copied string, so a harmless change of whitespace or attribute order does not fail it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error jsdom ships no type declarations (the DOM types come from lib.dom)
import { JSDOM } from 'jsdom';
// @ts-expect-error mjml 5 ships no type declarations
import mjml2html from 'mjml';
import { compileEmailTemplate, renderEmailForRecipient } from '../../../server/channels/email/compile-email.ts';
import { compileEmailToMjml, fillTemplate, sentinel, type EmailContent, type EmailCompileOptions, type Slot } from '../../../src/template/index';
import { GOLDEN_EMAIL, HOSTILE_ATTRIBUTE, HOSTILE_NAME } from './fixtures';

/** The MJML as an XML tree: a parse error (unbalanced or unescaped markup) fails the test. */
function parseMjml(mjml: string): Document {
  const document = new JSDOM(mjml, { contentType: 'text/xml' }).window.document;
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

const parseHtml = (html: string): Document => new JSDOM(html).window.document;

/** An element's inline style as property → value. */
function styleOf(element: Element | null | undefined): Record<string, string> {
  expect(element).toBeTruthy();
  return Object.fromEntries(
    (element!.getAttribute('style') ?? '')
      .split(';')
      .filter((declaration) => declaration.includes(':'))
      .map((declaration) => {
        const at = declaration.indexOf(':');
        return [declaration.slice(0, at).trim(), declaration.slice(at + 1).trim()];
      }),
  );
}

const only = (document: Document | Element, selector: string): Element => {
  const found = document.querySelectorAll(selector);
  expect(found, selector).toHaveLength(1);
  return found[0];
};
const children = (element: Element) => Array.from(element.children).map((child) => child.tagName);

async function strictErrors(mjml: string): Promise<unknown[]> {
  const result = await mjml2html(mjml, { validationLevel: 'strict' });
  return result.errors;
}

const doc = (...content: EmailContent['body'][]): EmailContent => ({ subject: 's', previewText: '', body: { type: 'doc', content } });

const GOLDEN_SLOTS: Slot[] = [
  { key: 'site.title', context: 'html' },
  { key: 'contact.first_name', fallback: 'there', context: 'html' },
  { key: 'magic_link.courses', context: 'url', whole: true },
  { key: 'contact.email', context: 'url' },
  { key: 'site.title', context: 'attr' },
  { key: 'magic_link.learner', context: 'url', whole: true },
  { key: 'site.support_email', context: 'url' },
];
/** The sentinel the compiler wrote for a slot of GOLDEN_SLOTS. */
const slotWord = (key: string, context: Slot['context']) =>
  sentinel(GOLDEN_SLOTS.findIndex((slot) => slot.key === key && slot.context === context));

const RECIPIENT: Record<string, string> = {
  'contact.first_name': 'Ada',
  'contact.email': 'ada+news@example.com',
  'site.title': 'Engine School',
  'site.support_email': 'help@example.com',
  'magic_link.courses': 'https://school.example.com/courses?token=aaa.bbb.ccc&utm_source=email',
  'magic_link.learner': 'https://school.example.com/?token=ddd.eee.fff&utm_source=email',
};

describe('compileEmailToMjml', () => {
  // Compiled before each test, not once while the file loads: mutation testing (Stryker) switches a
  // mutant on when the tests start, so output made at load time would never show it.
  let mjml: string, slots: Slot[], tree: Document, column: Element, firstText: Element, lastText: Element;
  beforeEach(() => {
    ({ mjml, slots } = compileEmailToMjml(GOLDEN_EMAIL));
    tree = parseMjml(mjml);
    column = only(tree, 'mjml > mj-body > mj-section > mj-column');
    [firstText, lastText] = Array.from(column.querySelectorAll('mj-text'));
  });

  it('writes one sentinel per distinct custom value and context', () => {
    expect(slots).toEqual(GOLDEN_SLOTS);
    for (let i = 0; i < slots.length; i++) expect(mjml).toContain(sentinel(i));
    expect(mjml).not.toContain(sentinel(slots.length));
  });

  it('writes a value as a whole address and inside one, or with two fallbacks, as distinct slots', () => {
    const linked = (label: string, href: string): EmailContent['body'] => ({ type: 'text', text: label, marks: [{ type: 'link', attrs: { href } }] });
    const { slots: distinct } = compileEmailToMjml(
      doc({ type: 'paragraph', content: [linked('a', '{{site.url}}'), linked('b', 'https://a.example/?from={{site.url}}'), { type: 'text', text: ' {{contact.first_name | default: "you"}} {{contact.first_name | default: "friend"}}' }] }),
    );
    expect(distinct).toEqual([
      { key: 'site.url', context: 'url', whole: true },
      { key: 'site.url', context: 'url' },
      { key: 'contact.first_name', fallback: 'you', context: 'html' },
      { key: 'contact.first_name', fallback: 'friend', context: 'html' },
    ]);
  });

  it('sets the default font and the preview text in the head', () => {
    expect(only(tree, 'mj-head mj-attributes mj-all').getAttribute('font-family')).toBe('Helvetica, Arial, sans-serif');
    expect(only(tree, 'mj-head mj-preview').textContent).toBe(`Your courses at ${slotWord('site.title', 'html')} are ready`);
    expect(only(tree, 'mj-body').getAttribute('width')).toBe('600px');
  });

  it('gives text, buttons, images and rules the house style, and declares the light and dark colour schemes', () => {
    const defaults = (tag: string) => Object.fromEntries(Array.from(only(tree, `mj-head mj-attributes ${tag}`).attributes, (a) => [a.name, a.value]));
    expect(defaults('mj-text')).toEqual({ 'font-size': '16px', 'line-height': '1.5', color: '#1f2933', padding: '0 24px' });
    expect(defaults('mj-button')).toEqual({ 'font-size': '16px', 'font-weight': 'bold', 'border-radius': '6px', 'inner-padding': '12px 24px', padding: '8px 24px 24px' });
    expect(defaults('mj-image')).toEqual({ padding: '0 24px 16px' });
    expect(defaults('mj-divider')).toEqual({ padding: '8px 24px 24px' });
    const metas = Array.from(only(tree, 'mj-head mj-raw').querySelectorAll('meta'), (meta) => [meta.getAttribute('name'), meta.getAttribute('content')]);
    expect(metas).toEqual([['color-scheme', 'light dark'], ['supported-color-schemes', 'light dark']]);
  });

  it('writes the preview text trimmed, and none when it is blank or not text', () => {
    const previewOf = (previewText: unknown) =>
      Array.from(parseMjml(compileEmailToMjml({ ...doc(), previewText } as EmailContent).mjml).querySelectorAll('mj-preview'), (e) => e.textContent);
    expect(previewOf('  Ready  ')).toEqual(['Ready']);
    expect(previewOf('   ')).toEqual([]);
    expect(previewOf(42)).toEqual([]);
  });

  it('writes an unlocked items card as its own components between its region markers', () => {
    const card = only(parseMjml(compileEmailToMjml(doc({ type: 'unlockedItems', attrs: { list: 'courses' } })).mjml), 'mj-column');
    expect(children(card)).toEqual(['mj-raw', 'mj-text', 'mj-button', 'mj-raw']);
  });

  it('writes an empty document as one empty white card', () => {
    const empty = parseMjml(compileEmailToMjml(doc()).mjml);
    expect(only(empty, 'mj-body > mj-section').getAttribute('css-class')).toBe('ml-email-card');
    expect(only(empty, 'mj-section > mj-column').children).toHaveLength(0);
  });

  it('groups text blocks in mj-text and gives rule, image and button their own components, in document order', () => {
    expect(children(column)).toEqual(['mj-text', 'mj-divider', 'mj-image', 'mj-button', 'mj-text']);
    expect(children(firstText)).toEqual(['h1', 'p', 'p', 'ul', 'blockquote', 'pre']);
    expect(children(lastText)).toEqual(['p', 'h2', 'p']);
  });

  it('writes headings at their level and marks as their elements', () => {
    expect(only(firstText, 'h1').textContent).toBe(`Hello ${slotWord('contact.first_name', 'html')}`);
    expect(styleOf(only(firstText, 'h1'))['font-size']).toBe('28px');
    expect(only(lastText, 'h2').textContent).toBe('Questions?');
    expect(styleOf(only(lastText, 'h2'))['font-size']).toBe('24px');
    const marks = firstText.children[1];
    expect(['strong', 'em', 'u', 's', 'code'].map((tag) => only(marks, tag).textContent)).toEqual(['Bold', 'italic', 'underline', 'strike', 'code']);
    expect(styleOf(only(marks, 'code'))['font-family']).toMatch(/monospace$/);
    expect(marks.querySelectorAll('br')).toHaveLength(1);
  });

  it('escapes literal text: markup typed by the author stays text', () => {
    const marks = firstText.children[1];
    expect(marks.textContent).toBe('Bold, italic, underline, strike and code.Fish & chips <b>"quoted"</b>');
    expect(marks.querySelector('b')).toBeNull();
    const code = only(firstText, 'pre > code');
    expect(code.textContent).toBe('const a = 1 < 2;\nreturn a;');
    expect(styleOf(code.parentElement)['white-space']).toBe('pre-wrap');
    expect(styleOf(code.parentElement)['font-family']).toMatch(/monospace$/);
  });

  it('writes links with their address, a new tab and the brand colour; one link across differently marked text', () => {
    const links = Array.from(tree.querySelectorAll('mj-text a'));
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['your courses', slotWord('magic_link.courses', 'url')],
      ['guide', 'https://example.com/guide?a=1&b=2'],
      ['update settings', `https://example.com/prefs?email=${slotWord('contact.email', 'url')}`],
      ['support', `mailto:${slotWord('site.support_email', 'url')}`],
    ]);
    expect(only(links[2], 'strong').textContent).toBe('settings');
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(styleOf(a)).toMatchObject({ color: '#2563eb', 'text-decoration': 'underline' });
    }
  });

  it('nests lists with their items, keeps an ordered list’s start, and indents them', () => {
    const list = only(firstText, ':scope > ul');
    expect(Array.from(list.querySelectorAll(':scope > li')).map((li) => li.firstElementChild?.textContent)).toEqual(['First', 'Second']);
    const nested = only(list, 'li > ol');
    expect(nested.getAttribute('start')).toBe('3');
    expect(nested.textContent).toBe('Nested');
    expect(styleOf(list)['padding']).toBe('0 0 0 24px');
    expect(styleOf(nested)['padding']).toBe('0 0 0 24px');
  });

  it('writes headings at levels 1 to 6 with their type size, and a stored level it cannot trust as level 1', () => {
    const headingOf = (level: unknown) => {
      const { mjml } = compileEmailToMjml(doc({ type: 'heading', attrs: { level }, content: [{ type: 'text', text: 'Title' }] }));
      const element = only(parseMjml(mjml), 'mj-text > *');
      return `${element.tagName} ${styleOf(element)['font-size']}`;
    };
    expect([1, 2, 3, 4, 5, 6].map(headingOf)).toEqual(['h1 28px', 'h2 24px', 'h3 20px', 'h4 18px', 'h5 16px', 'h6 14px']);
    expect([0, 7, 2.5, '3', null].map(headingOf)).toEqual(Array(5).fill('h1 28px'));
  });

  it('writes an ordered list\'s start only when it is not 1, and closes every list and item', () => {
    const list = (type: string, start?: unknown) => ({
      type,
      ...(start !== undefined && { attrs: { start } }),
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item' }] }] }],
    });
    const htmlOf = (node: EmailContent['body']) => {
      const { mjml } = compileEmailToMjml(doc(node));
      return mjml.slice(mjml.indexOf('<mj-text>') + '<mj-text>'.length, mjml.indexOf('</mj-text>')).trim();
    };
    const STYLE = 'style="margin:0 0 16px;padding:0 0 0 24px"';
    expect(htmlOf(list('bulletList'))).toBe(`<ul ${STYLE}><li><p style="margin:0 0 16px">Item</p></li></ul>`);
    expect(htmlOf(list('orderedList', 1))).toBe(`<ol ${STYLE}><li><p style="margin:0 0 16px">Item</p></li></ol>`);
    expect(htmlOf(list('orderedList'))).toBe(`<ol ${STYLE}><li><p style="margin:0 0 16px">Item</p></li></ol>`);
    expect(htmlOf(list('orderedList', 0))).toBe(`<ol start="0" ${STYLE}><li><p style="margin:0 0 16px">Item</p></li></ol>`);
    expect(htmlOf(list('orderedList', 7))).toBe(`<ol start="7" ${STYLE}><li><p style="margin:0 0 16px">Item</p></li></ol>`);
  });

  it('quotes with a bar, keeping the marks and values inside', () => {
    const quote = only(firstText, 'blockquote');
    expect(only(quote, 'p > strong').textContent).toBe(slotWord('site.title', 'html'));
    expect(styleOf(quote)['border-left']).toMatch(/solid/);
  });

  it('gives the image, the rule and the button their attributes, values in the right context', () => {
    const image = only(column, 'mj-image');
    expect([image.getAttribute('src'), image.getAttribute('alt'), image.getAttribute('title')]).toEqual([
      'https://cdn.example.com/logo.png',
      `Logo of ${slotWord('site.title', 'attr')}`,
      'Logo',
    ]);
    expect(only(column, 'mj-divider').getAttribute('border-width')).toBe('1px');
    const button = only(column, 'mj-button');
    expect(button.getAttribute('href')).toBe(slotWord('magic_link.learner', 'url'));
    expect([button.getAttribute('align'), button.getAttribute('background-color'), button.getAttribute('color')]).toEqual(['center', '#111827', '#ffffff']);
    expect(button.hasAttribute('width')).toBe(false);
    expect(button.textContent).toBe(`Go to ${slotWord('site.title', 'html')}`);
  });

  it('keeps an empty paragraph as a blank line', () => {
    const blank = lastText.children[0];
    expect(blank.textContent).toBe('');
    expect(children(blank)).toEqual(['br']);
  });

  it('breaks a line inside a paragraph where the author pressed Shift+Enter', () => {
    const { mjml } = compileEmailToMjml(
      doc({ type: 'paragraph', content: [{ type: 'text', text: 'Line one' }, { type: 'hardBreak' }, { type: 'text', text: 'line two' }] }),
    );
    const paragraph = only(parseMjml(mjml), 'mj-text p');
    expect(Array.from(paragraph.childNodes).map((node) => node.nodeName)).toEqual(['#text', 'br', '#text']);
    expect(paragraph.textContent).toBe('Line oneline two');
  });

  it('uses the brand colour and font, and ignores values that are not a colour or a font stack', () => {
    const brandOf = (options: EmailCompileOptions) => {
      const branded = parseMjml(compileEmailToMjml(GOLDEN_EMAIL, options).mjml);
      return { font: only(branded, 'mj-all').getAttribute('font-family'), link: styleOf(branded.querySelector('mj-text a')).color };
    };
    expect(brandOf({ brandColor: '#aa0000', fontFamily: " 'Open Sans', sans-serif " })).toEqual({ font: "'Open Sans', sans-serif", link: '#aa0000' });
    expect(brandOf({ brandColor: 'red;x:"', fontFamily: 'a"><script>' })).toEqual({ font: 'Helvetica, Arial, sans-serif', link: '#2563eb' });
  });

  it('breaks sentinel look-alikes typed by the author, even across adjacent text nodes', () => {
    const typed = compileEmailToMjml(
      doc({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'ml-sl' },
          { type: 'text', text: 'ot-0-x and ml-slot-1-x' },
          { type: 'mergeField', attrs: { key: 'contact.first_name' } },
        ],
      }),
    );
    expect(typed.slots).toEqual([{ key: 'contact.first_name', context: 'html' }]);
    // Only the real slot is a sentinel in the markup; the reader still sees what was typed.
    expect(typed.mjml.match(/ml-slot-\d+-x/g)).toEqual([sentinel(0)]);
    expect(only(parseMjml(typed.mjml), 'mj-text p').textContent).toBe(`ml-slot-0-x and ml-slot-1-x${sentinel(0)}`);
  });

  it('closes one mark and opens the next between adjacent texts, and writes an unknown mark as its text alone', () => {
    const paragraphOf = (...content: EmailContent['body'][]) => only(parseMjml(compileEmailToMjml(doc({ type: 'paragraph', content })).mjml), 'mj-text p').innerHTML;
    expect(paragraphOf({ type: 'text', text: 'a', marks: [{ type: 'bold' }] }, { type: 'text', text: 'b', marks: [{ type: 'italic' }] })).toBe('<strong>a</strong><em>b</em>');
    expect(paragraphOf({ type: 'text', text: 'x', marks: [{ type: 'superscript' }] }, { type: 'text', text: 'y' })).toBe('xy');
  });

  it('renders a nested button as a link to its address, inline unless full width', () => {
    const quoted = (attrs: Record<string, unknown>) =>
      only(parseMjml(compileEmailToMjml(doc({ type: 'blockquote', content: [{ type: 'button', attrs: { href: 'https://a.example/go', label: 'Go', ...attrs } }] })).mjml), 'blockquote a');
    const inline = quoted({});
    expect([inline.getAttribute('href'), styleOf(inline).display]).toEqual(['https://a.example/go', 'inline-block']);
    expect(styleOf(quoted({ fullWidth: 'yes' })).display).toBe('inline-block');
    expect(styleOf(quoted({ fullWidth: true })).display).toBe('block');
    expect(quoted({ href: '  https://a.example/go  ' }).getAttribute('href')).toBe('https://a.example/go');
  });

  it('renders a nested button, image and rule as HTML, and drops an unsafe address', () => {
    const nested = parseMjml(
      compileEmailToMjml(
        doc(
          {
            type: 'blockquote',
            content: [
              { type: 'button', attrs: { href: 'javascript:alert(1)', label: 'Go', align: 'right', fullWidth: true } },
              { type: 'image', attrs: { src: 'https://cdn.example.com/a.png', alt: '' } },
              { type: 'horizontalRule' },
            ],
          },
          { type: 'image', attrs: { src: 'data:image/png;base64,AAAA', alt: 'x' } },
        ),
      ).mjml,
    );
    const column = only(nested, 'mj-column');
    expect(children(column)).toEqual(['mj-text']);
    const quote = only(column, 'blockquote');
    expect(children(quote)).toEqual(['p', 'img', 'hr']);
    const paragraph = quote.children[0];
    expect(styleOf(paragraph)['text-align']).toBe('right');
    const button = only(paragraph, 'a');
    expect([button.textContent, button.getAttribute('href'), button.getAttribute('target')]).toEqual(['Go', '#', '_blank']);
    expect(styleOf(button)).toMatchObject({ display: 'block', background: '#2563eb', color: '#ffffff', 'text-decoration': 'none' });
    const image = only(quote, 'img');
    expect([image.getAttribute('src'), image.getAttribute('alt')]).toEqual(['https://cdn.example.com/a.png', '']);
    expect(styleOf(image)['max-width']).toBe('100%');
    expect(styleOf(only(quote, 'hr'))['border-top']).toMatch(/^1px solid/);
    expect(nested.documentElement.outerHTML).not.toMatch(/data:|javascript:/);
  });
});

describe('the compiler’s own MJML under strict validation', () => {
  const documents: Record<string, [EmailContent, EmailCompileOptions?]> = {
    'every node and mark': [GOLDEN_EMAIL],
    'brand options': [GOLDEN_EMAIL, { brandColor: '#aa0000', fontFamily: 'Georgia, serif' }],
    'nested components and a full-width button': [
      doc(
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'button', attrs: { href: 'https://a.example', label: 'Go', fullWidth: true } }] }] },
        { type: 'button', attrs: { href: '{{magic_link.learner}}', label: 'Wide', fullWidth: true } },
      ),
    ],
    'an empty document': [doc()],
  };
  for (const [name, [content, options]] of Object.entries(documents)) {
    it(`is valid: ${name}`, async () => {
      expect(await strictErrors(compileEmailToMjml(content, options).mjml)).toEqual([]);
    });
  }

  it('is what compileEmailTemplate turns into HTML (a full-width button gets width 100%)', async () => {
    const wide = doc({ type: 'button', attrs: { href: 'https://a.example', label: 'Wide', fullWidth: true } });
    expect(only(parseMjml(compileEmailToMjml(wide).mjml), 'mj-column > mj-button').getAttribute('width')).toBe('100%');
    const html = parseHtml((await compileEmailTemplate(wide)).html.parts.join(''));
    expect(html.querySelector('a[href="https://a.example"]')?.textContent?.trim()).toBe('Wide');
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

  it('fills per recipient: each address lands whole in its href, values are escaped, the text part has them raw', async () => {
    const email = renderEmailForRecipient(await compileEmailTemplate(GOLDEN_EMAIL), (slot) => RECIPIENT[slot.key]);
    expect(email.subject).toBe('Welcome, Ada!');
    const html = parseHtml(email.html);
    const hrefs = Array.from(html.querySelectorAll('a[href]'), (a) => a.getAttribute('href'));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        RECIPIENT['magic_link.courses'],
        RECIPIENT['magic_link.learner'],
        'https://example.com/guide?a=1&b=2',
        'https://example.com/prefs?email=ada%2Bnews%40example.com',
        'mailto:help%40example.com',
      ]),
    );
    expect(only(html, 'img[src="https://cdn.example.com/logo.png"]').getAttribute('alt')).toBe('Logo of Engine School');
    expect(only(html, 'h1').textContent).toBe('Hello Ada');
    expect(html.body.textContent).toContain('Your courses at Engine School are ready');
    expect(email.html).not.toMatch(/ml-slot-\d+-x/);
    expect(email.text).toContain(`Open your courses: ${RECIPIENT['magic_link.courses']}, read the guide: https://example.com/guide?a=1&b=2`);
    expect(email.text).toContain(`Go to Engine School: ${RECIPIENT['magic_link.learner']}`);
    expect(email.text.startsWith('HELLO Ada\n\n')).toBe(true);
  });

  it('keeps a hostile first name inert and falls back when a value is empty', async () => {
    const compiled = await compileEmailTemplate(GOLDEN_EMAIL);
    const hostile = parseHtml(renderEmailForRecipient(compiled, (slot) => (slot.key === 'contact.first_name' ? HOSTILE_NAME : RECIPIENT[slot.key])).html);
    expect(only(hostile, 'h1').textContent).toBe(`Hello ${HOSTILE_NAME}`);
    expect(hostile.querySelectorAll('script')).toHaveLength(0);
    const empty = renderEmailForRecipient(compiled, (slot) => (slot.key === 'contact.first_name' ? '' : RECIPIENT[slot.key]));
    expect(only(parseHtml(empty.html), 'h1').textContent).toBe('Hello there');
    expect(empty.subject).toBe('Welcome, friend!');
  });

  it('keeps a hostile value inert in every slot of the HTML: text, attribute, whole URL, URL part', async () => {
    const compiled = await compileEmailTemplate(GOLDEN_EMAIL);
    const email = renderEmailForRecipient(compiled, () => HOSTILE_ATTRIBUTE);
    const html = parseHtml(email.html);
    expect(html.querySelectorAll('img[src="x"], [onerror]')).toHaveLength(0);
    expect(only(html, 'h1').textContent).toBe(`Hello ${HOSTILE_ATTRIBUTE}`);
    expect(only(html, 'img[src="https://cdn.example.com/logo.png"]').getAttribute('alt')).toBe(`Logo of ${HOSTILE_ATTRIBUTE}`);
    const hrefs = Array.from(html.querySelectorAll('a[href]'), (a) => a.getAttribute('href'));
    // A value that is not a safe address never becomes a whole href; inside a URL it is percent-encoded.
    expect(hrefs.filter((href) => href === '#')).toHaveLength(2);
    expect(hrefs).toContain('https://example.com/prefs?email=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    const script = renderEmailForRecipient(compiled, (slot) => (slot.key.startsWith('magic_link.') ? 'javascript:alert(1)' : HOSTILE_NAME));
    expect(parseHtml(script.html).querySelectorAll('script')).toHaveLength(0);
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
    const html = parseHtml(compiled.html.parts[0]);
    expect(html.querySelectorAll('script')).toHaveLength(0);
    expect(only(html, 'h1').textContent).toBe(attack);
    expect(only(html, 'img[alt]').getAttribute('alt')).toBe(attack);
    expect(fillTemplate(compiled.text, () => '')).toContain(attack);
  });

  it('compiles an empty document', async () => {
    const compiled = await compileEmailTemplate({ subject: 'Hi', previewText: '', body: { type: 'doc', content: [] } });
    expect(compiled.html.parts[0]).toMatch(/^<!doctype html>/i);
    expect(compiled.text).toEqual({ parts: [''], slots: [] });
  });
});
