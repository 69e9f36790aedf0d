import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, catalogForContext, catalogHas, extendCatalog } from '../../../src/template/index';

describe('catalog', () => {
  it('holds the default values with samples', () => {
    expect(DEFAULT_CATALOG.map((value) => value.key)).toEqual([
      'contact.first_name',
      'contact.last_name',
      'contact.email',
      'contact.phone',
      'site.title',
      'site.support_email',
      'site.support_phone',
      'site.url',
      'site.postal_address',
      'unsubscribe_url',
      'offer.title',
      'login_code',
      'magic_link.learner',
      'magic_link.courses',
      'magic_link.communities',
      'magic_link.affiliates',
      'magic_link.user',
    ]);
    expect(DEFAULT_CATALOG.find((value) => value.key === 'offer.title')?.context).toBe('workflow');
    expect(DEFAULT_CATALOG.find((value) => value.key === 'login_code')?.context).toBe('login_email');
    expect(DEFAULT_CATALOG.every((value) => value.sample.length > 0)).toBe(true);
  });

  it('adds custom contact fields, skipping unusable keys and duplicates, without touching the base', () => {
    const catalog = extendCatalog(DEFAULT_CATALOG, [
      { key: 'shoe_size', label: 'Shoe size', sample: '42' },
      { key: 'shoe size', label: 'Broken' },
      { key: 'shoe_size', label: 'Again' },
      { key: 'team', label: 'Team' },
    ]);
    expect(catalog.slice(DEFAULT_CATALOG.length)).toEqual([
      { key: 'contact.custom.shoe_size', label: 'Shoe size', group: 'contact', sample: '42' },
      { key: 'contact.custom.team', label: 'Team', group: 'contact', sample: '' },
    ]);
    expect(DEFAULT_CATALOG).toHaveLength(17);
  });

  it('knows listed keys and magic links to any one course or community', () => {
    expect(catalogHas(DEFAULT_CATALOG, 'contact.first_name')).toBe(true);
    expect(catalogHas(DEFAULT_CATALOG, 'magic_link.courses')).toBe(true);
    expect(catalogHas(DEFAULT_CATALOG, 'magic_link.course.intro-101')).toBe(true);
    expect(catalogHas(DEFAULT_CATALOG, 'magic_link.community.general')).toBe(true);
    expect(catalogHas(DEFAULT_CATALOG, 'contact.shoe_size')).toBe(false);
    expect(catalogHas(DEFAULT_CATALOG, 'magic_link.course.a/b')).toBe(false);
    expect(catalogHas([], 'magic_link.courses')).toBe(false);
  });

  it('leaves workflow-only values out of broadcasts', () => {
    expect(catalogHas(catalogForContext(DEFAULT_CATALOG, 'broadcast'), 'offer.title')).toBe(false);
    expect(catalogHas(catalogForContext(DEFAULT_CATALOG, 'broadcast'), 'contact.first_name')).toBe(true);
    expect(catalogHas(catalogForContext(DEFAULT_CATALOG, 'workflow'), 'offer.title')).toBe(true);
  });
});

describe('{{login_code}}', () => {
  it('is refused by name in a message: only login emails fill it', async () => {
    const { validateEmailContent } = await import('../../../src/template/index');
    const issues = validateEmailContent(
      { subject: 'Hi', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Code: {{login_code}}' }] }] } },
      DEFAULT_CATALOG,
    );
    expect(issues).toEqual([expect.objectContaining({ key: 'login_code', message: expect.stringContaining('Login code ({{login_code}})') })]);
  });
});
