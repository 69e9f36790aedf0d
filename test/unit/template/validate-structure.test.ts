/**
 * What the validator refuses about a stored document's shape rather than its blocks' settings:
 * fields it does not know, a body that is no document, too many pieces, blocks where they cannot
 * stand, and an SMS with nothing to send.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, validateEmailContent, validateSmsContent, type DocNode } from '../../../src/template/index';
import { MAX_DOCUMENT_NODES } from '../../../src/template/validate';
import { paragraph, text } from './fixtures';

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const email = (body: unknown) => ({ subject: 'Hi', previewText: '', body });
const column = (...content: DocNode[]): DocNode => ({ type: 'column', content });

describe('fields a stored document may not hold', () => {
  it('are refused by name, with the path of the field, in the email, a block and its formatting', () => {
    const issues = validateEmailContent(
      {
        ...email({ type: 'doc', content: [{ type: 'paragraph', style: 'x', content: [{ type: 'text', text: 'Hi', marks: [{ type: 'bold', href: 'y' }] }] }], size: 1 }),
        from: 'me',
      },
      DEFAULT_CATALOG,
    );
    expect(issues).toEqual([
      { path: 'from', message: 'Unknown field "from" in the email: remove it' },
      { path: 'body.size', message: 'Unknown field "size" in "doc": remove it' },
      { path: 'body.content[0].style', message: 'Unknown field "style" in "paragraph": remove it' },
      { path: 'body.content[0].content[0].marks[0].href', message: 'Unknown field "href" in "bold" formatting: remove it' },
    ]);
  });

  it('an SMS has a body only', () => {
    expect(validateSmsContent({ subject: 'Hi', body: doc(paragraph(text('Hi'))) }, DEFAULT_CATALOG)).toEqual([
      { path: 'subject', message: 'Unknown field "subject" in the SMS: remove it' },
    ]);
  });
});

describe('the body', () => {
  it('must be a document, not another block', () => {
    expect(validateEmailContent(email(paragraph(text('Hi'))), DEFAULT_CATALOG)).toEqual([
      { path: 'body', message: 'The message body is not a document' },
    ]);
  });

  it('holds no document inside it', () => {
    expect(validateEmailContent(email(doc(paragraph(text('Hi')), doc(paragraph(text('Inner'))))), DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[1]', message: 'Unknown content type "doc"' },
    ]);
  });

  it(`holds at most ${MAX_DOCUMENT_NODES} pieces, the document counted`, () => {
    const withPieces = (count: number) => email(doc(...Array.from({ length: count - 1 }, () => ({ type: 'horizontalRule' }))));
    expect(validateEmailContent(withPieces(MAX_DOCUMENT_NODES), DEFAULT_CATALOG)).toEqual([]);
    expect(validateEmailContent(withPieces(MAX_DOCUMENT_NODES + 1), DEFAULT_CATALOG)).toEqual([
      {
        path: 'body',
        message: 'The message is too long: more than 5,000 blocks and pieces of text. Split it into several messages',
      },
    ]);
  });
});

describe('a row of columns', () => {
  it('without any content field is refused as holding no columns, and a column without one as empty', () => {
    expect(validateEmailContent(email(doc({ type: 'columns' }, { type: 'columns', content: [{ type: 'column' }, column(paragraph(text('b')))] })), DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[0]', message: 'Columns must hold 2 or 3 columns, not 0' },
      { path: 'body.content[1].content[0]', message: 'A column is empty: write something in it or remove the columns' },
    ]);
  });
});

describe('an SMS', () => {
  it('refuses a row of columns once, however its columns are', () => {
    const sms = { body: doc(paragraph(text('Hi')), { type: 'columns', content: [column(), column(paragraph(text('b')))] }) };
    expect(validateSmsContent(sms, DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[1]', message: 'An SMS cannot contain columns: use plain paragraphs' },
    ]);
  });

  it('of spaces only is empty, and is reported empty beside other issues', () => {
    expect(validateSmsContent({ body: doc(paragraph(text('   '))) }, DEFAULT_CATALOG)).toEqual([
      { path: 'body', message: 'The SMS is empty' },
    ]);
    expect(validateSmsContent({ body: doc(paragraph()), from: 'me' }, DEFAULT_CATALOG)).toEqual([
      { path: 'from', message: 'Unknown field "from" in the SMS: remove it' },
      { path: 'body', message: 'The SMS is empty' },
    ]);
  });
});
