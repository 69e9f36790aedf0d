/**
 * What the validator asks of each block's settings, in the words and at the path the composer
 * shows: the bounds a number may take, what may be left empty, and custom values in attributes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, extendCatalog, validateEmailContent, type DocNode } from '../../../src/template/index';
import { paragraph, text } from './fixtures';

const email = (...content: DocNode[]) => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });
const issuesOf = (...content: DocNode[]) => validateEmailContent(email(...content), DEFAULT_CATALOG).map(({ path, message }) => [path, message]);
const block = (type: string, attrs: Record<string, unknown>, ...content: DocNode[]): DocNode => ({ type, attrs, content });
const image = (attrs: Record<string, unknown>) => block('image', { src: 'https://cdn.example.com/a.png', alt: 'A chart', ...attrs });
const button = (attrs: Record<string, unknown>) => block('button', { href: 'https://a.example', label: 'Go', ...attrs });
const showIf = (attrs: Record<string, unknown>, ...content: DocNode[]) => block('showIf', attrs, ...content);
const shown = paragraph(text('Shown'));

describe('a heading, spacer and image width', () => {
  it('take their bounds themselves: level 1 and 6, spacer 8 and 160, width 40 and 600', () => {
    expect(
      issuesOf(
        block('heading', { level: 1 }, text('a')),
        block('heading', { level: 6 }, text('b')),
        block('spacer', { height: 8 }),
        block('spacer', { height: 160 }),
        image({ width: 40 }),
        image({ width: 600 }),
      ),
    ).toEqual([]);
  });

  it('refuse a number outside them, a fraction and a number written as text', () => {
    expect(
      issuesOf(
        block('heading', { level: 0 }),
        block('heading', { level: 2.5 }),
        block('heading', { level: '2' }),
        block('spacer', { height: 7 }),
        block('spacer', { height: 161 }),
        block('spacer', { height: '20' }),
        image({ width: 601 }),
        image({ width: '300' }),
      ),
    ).toEqual([
      ['body.content[0].attrs.level', 'Heading level must be 1 to 6'],
      ['body.content[1].attrs.level', 'Heading level must be 1 to 6'],
      ['body.content[2].attrs.level', 'Heading level must be 1 to 6'],
      ['body.content[3].attrs.height', 'Spacer height must be a whole number of pixels from 8 to 160'],
      ['body.content[4].attrs.height', 'Spacer height must be a whole number of pixels from 8 to 160'],
      ['body.content[5].attrs.height', 'Spacer height must be a whole number of pixels from 8 to 160'],
      ['body.content[6].attrs.width', 'Image width must be a whole number of pixels from 40 to 600, or empty for the full width'],
      ['body.content[7].attrs.width', 'Image width must be a whole number of pixels from 40 to 600, or empty for the full width'],
    ]);
  });
});

describe('settings that may be left empty', () => {
  it('colours, alignment and an image link: unset, null or blank is the default', () => {
    expect(
      issuesOf(
        button({}),
        button({ backgroundColor: null, textColor: '' }),
        block('heading', { level: 2, align: null }, text('a')),
        block('paragraph', { align: undefined }, text('b')),
        image({ href: null }),
        image({ href: '   ' }),
      ),
    ).toEqual([]);
  });

  it('a set colour or alignment is checked, each at its own path', () => {
    expect(issuesOf(button({ textColor: 'blue' }), block('paragraph', { align: 'justify' }, text('b')))).toEqual([
      ['body.content[0].attrs.textColor', 'Colour "blue" is not a hex colour like #2563eb'],
      ['body.content[1].attrs.align', 'Paragraph alignment must be left, center or right'],
    ]);
  });
});

describe('addresses', () => {
  it('are read trimmed: spaces around an address are no fault, spaces alone are no address', () => {
    expect(
      issuesOf(
        button({ href: '  https://a.example/x  ' }),
        block('socialLinks', { links: [{ network: 'facebook', url: ' https://facebook.com/academy ' }] }),
        button({ href: '   ' }),
        block('socialLinks', { links: [{ network: 'youtube', url: '   ' }] }),
      ),
    ).toEqual([
      ['body.content[2].attrs.href', 'This button has no address: add where it leads'],
      ['body.content[3].attrs.links[0].url', 'The YouTube link has no address: paste the address of your page (https://youtube.com/…)'],
    ]);
  });

  it('a scheme alone is no address', () => {
    expect(issuesOf(button({ href: 'https://' }))).toEqual([
      [
        'body.content[0].attrs.href',
        'This button leads to "https://", which can\'t be used: use a web address (https://…), an email (mailto:) or phone (tel:) address, or a magic link',
      ],
    ]);
  });

  it('an image with no address at all is asked for the picture', () => {
    expect(issuesOf(image({ src: '' }))).toEqual([['body.content[0].attrs.src', 'This image needs an address: the https link to the picture']]);
  });
});

describe('custom values in block settings', () => {
  it('are checked in an image description and title, and a card button label, at their paths', () => {
    expect(
      issuesOf(
        image({ alt: 'Ada {{contact.nick}}', title: 'By {{contact.rank}}' }),
        block('unlockedItems', { list: 'courses', buttonLabel: 'Open {{contact.level}}' }),
      ),
    ).toEqual([
      ['body.content[0].attrs.alt', 'Unknown custom value {{contact.nick}} in image description'],
      ['body.content[0].attrs.title', 'Unknown custom value {{contact.rank}} in image title'],
      ['body.content[1].attrs.buttonLabel', 'Unknown custom value {{contact.level}} in card button label'],
    ]);
  });

  it('a stray "}}" before a "{{" does not close it, and a "{{" inside a malformed value is no second one', () => {
    expect(issuesOf(paragraph(text('a}}{{b')), paragraph(text('{{x{{}}')))).toEqual([
      ['body.content[0].content[0]', 'Unclosed "{{" in body: custom values look like {{contact.first_name}}'],
      ['body.content[1].content[0]', 'Malformed custom value "{{x{{}}" in body'],
    ]);
  });

  it('a refused value is reported once, also where magic links are refused too', () => {
    const subject = (value: string) => validateEmailContent({ ...email(paragraph(text('x'))), subject: value }, DEFAULT_CATALOG);
    expect(subject('Hi {{magic_link.user}}').map((issue) => issue.message)).toEqual([
      expect.stringContaining('signs a member of staff into the admin app'),
    ]);
    // A catalog without the magic links (a site's reduced list): unknown, and nothing more to say.
    expect(validateEmailContent({ ...email(paragraph(text('x'))), subject: 'Go {{magic_link.courses}}' }, []).map((issue) => issue.message)).toEqual([
      'Unknown custom value {{magic_link.courses}} in subject',
    ]);
    expect(validateEmailContent({ ...email(paragraph(text('x'))), previewText: 'Go {{magic_link.courses}}' }, DEFAULT_CATALOG)).toEqual([
      {
        path: 'previewText',
        key: 'magic_link.courses',
        message: 'Magic link {{magic_link.courses}} cannot be used in preview text: it would show the login token',
      },
    ]);
  });
});

describe('Show if…', () => {
  const catalog = extendCatalog(DEFAULT_CATALOG, [{ key: 'plan', label: 'Plan' }]);
  const issues = (...content: DocNode[]) => validateEmailContent(email(...content), catalog).map(({ path, message }) => [path, message]);

  it('accepts each rule with what it needs', () => {
    expect(
      issues(
        showIf({ condition: 'offer', offerId: 'o1' }, shown),
        showIf({ condition: 'no_offer' }, shown),
        showIf({ condition: 'field', field: 'plan', value: 'gold' }, shown),
        showIf({ condition: 'field', field: 'plan', value: null }, shown),
        showIf({ condition: 'field', field: ' plan ' }, shown),
      ),
    ).toEqual([]);
  });

  it('names what a rule lacks, and an empty block', () => {
    expect(
      issues(
        showIf({ condition: 'sometimes' }, shown),
        showIf({ condition: 'offer', offerId: '  ' }, shown),
        showIf({ condition: 'field', field: ' ', value: 'gold' }, shown),
        showIf({ condition: 'field', field: 'shoe_size', value: 42 }, shown),
        showIf({ condition: 'no_offer' }),
        { type: 'showIf', attrs: { condition: 'no_offer' } },
      ),
    ).toEqual([
      ['body.content[0].attrs.condition', 'Show if… needs a rule: holds an offer, holds no offer, or a custom field equals a value'],
      ['body.content[1].attrs.offerId', 'Show if… "holds an offer" needs the offer: pick one'],
      ['body.content[2].attrs.field', 'Show if… "custom field equals" needs the field: pick one'],
      ['body.content[3].attrs.field', 'Show if… uses the custom field "shoe_size", which no contact of this site has'],
      ['body.content[3].attrs.value', 'Show if… compares the field with text: the value must be a string'],
      ['body.content[4]', 'Show if… is empty: add the blocks it shows'],
      ['body.content[5]', 'Show if… is empty: add the blocks it shows'],
    ]);
  });
});

describe('the unlocked items block', () => {
  it('lists courses or communities, with a text button label or none', () => {
    expect(
      issuesOf(
        block('unlockedItems', { list: 'courses', buttonLabel: null }),
        block('unlockedItems', { list: 'communities' }),
        block('unlockedItems', { list: 'offers', buttonLabel: 7 }),
      ),
    ).toEqual([
      ['body.content[2].attrs.list', 'The unlocked items block lists "courses" or "communities": pick one'],
      ['body.content[2].attrs.buttonLabel', 'The card button label must be text'],
    ]);
  });
});
