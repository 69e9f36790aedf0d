import { describe, expect, it } from 'vitest';
import { defaultFormLabel, describeLinkPolicy, linkPolicyOf, SITE_DEFAULT } from '../../../src/app/pages/templates/send-link-policy.ts';

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
  it('sends the link form only when chosen, and names each channel’s default', () => {
    expect(linkPolicyOf(SITE_DEFAULT, SITE_DEFAULT, SITE_DEFAULT)).toBeUndefined();
    expect(linkPolicyOf(SITE_DEFAULT, SITE_DEFAULT, 'short')).toEqual({ shortLinks: true });
    expect(linkPolicyOf('3600', SITE_DEFAULT, 'full')).toEqual({ lifetimeSeconds: 3600, shortLinks: false });
    expect(describeLinkPolicy({ shortLinks: true })).toBe('go out as short links');
    expect(describeLinkPolicy({ maxUses: 1, shortLinks: false })).toBe('log in once and go out in full');
    expect(defaultFormLabel('sms')).toBe('Channel default (short links)');
    expect(defaultFormLabel('email')).toBe('Channel default (full links)');
  });
});
