import { describe, expect, it } from 'vitest';
import { describeLinkPolicy, linkPolicyOf, SITE_DEFAULT } from '../../../src/app/pages/templates/send-link-policy.ts';

describe('the send panel’s link policy', () => {
  it('sends nothing when both choices are the site’s, and only what was chosen otherwise', () => {
    expect(linkPolicyOf(SITE_DEFAULT, SITE_DEFAULT)).toBeUndefined();
    expect(linkPolicyOf('172800', SITE_DEFAULT)).toEqual({ lifetimeSeconds: 172800 });
    expect(linkPolicyOf(SITE_DEFAULT, '1')).toEqual({ maxUses: 1 });
    expect(linkPolicyOf('3600', 'unlimited')).toEqual({ lifetimeSeconds: 3600, maxUses: null });
  });
  it('says in the confirmation what the links will do', () => {
    expect(describeLinkPolicy({ lifetimeSeconds: 172800, maxUses: 1 })).toBe('work for 2 days and log in once');
    expect(describeLinkPolicy({ maxUses: null })).toBe('log in any number of times');
    expect(describeLinkPolicy({ lifetimeSeconds: 3600 })).toBe('work for 1 hour');
  });
});
