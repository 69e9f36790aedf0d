import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, validateEmailContent, validateSmsContent, type DocNode } from '../../../src/template/index';

const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const userButton: DocNode = { type: 'button', attrs: { href: '{{magic_link.user}}', label: 'Admin' } };

describe('a User Link in a message to members', () => {
  it('is refused by name wherever it stands in an email', () => {
    const issues = validateEmailContent(
      { subject: 'Hi', previewText: '', body: { type: 'doc', content: [paragraph({ type: 'text', text: 'x' }), userButton] } },
      DEFAULT_CATALOG,
    );
    expect(issues).toEqual([
      {
        path: 'body.content[1].attrs.href',
        key: 'magic_link.user',
        message: expect.stringContaining('Magic link: admin app ({{magic_link.user}})'),
      },
    ]);
    expect(issues[0].message).toContain('messages go to members');
  });

  it('is refused in an SMS too, while Learner Links pass', () => {
    const sms = (key: string) => ({ body: { type: 'doc', content: [paragraph({ type: 'text', text: 'Log in: ' }, { type: 'mergeField', attrs: { key, fallback: null } })] } });
    expect(validateSmsContent(sms('magic_link.user'), DEFAULT_CATALOG).map((issue) => issue.key)).toEqual(['magic_link.user']);
    expect(validateSmsContent(sms('magic_link.courses'), DEFAULT_CATALOG)).toEqual([]);
  });

  it('only the User Link is staff-only in the catalog', () => {
    expect(DEFAULT_CATALOG.filter((value) => value.audience === 'staff').map((value) => value.key)).toEqual(['magic_link.user']);
  });
});
