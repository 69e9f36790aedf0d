import { describe, expect, it } from 'vitest';
import { issuedLinkState } from '../../../server/links/link-state.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 2, 12, minutes));
const link = { issuedAt: at(0), expiresAt: at(30), revokedAt: null, maxUses: 1, uses: 0 };

describe('the state a contact’s link table shows', () => {
  it('is active until something ends it', () => {
    expect(issuedLinkState(link, null, at(10))).toBe('active');
    expect(issuedLinkState(link, at(-1), at(10))).toBe('active');
  });
  it('is revoked by itself or by a "revoke all" at or after it was issued, before anything else', () => {
    expect(issuedLinkState({ ...link, revokedAt: at(5) }, null, at(10))).toBe('revoked');
    expect(issuedLinkState(link, at(0), at(10))).toBe('revoked');
    expect(issuedLinkState({ ...link, uses: 1 }, at(1), at(40))).toBe('revoked');
  });
  it('is expired at its expiry, and used up at its last use', () => {
    expect(issuedLinkState(link, null, at(30))).toBe('expired');
    expect(issuedLinkState({ ...link, uses: 1 }, null, at(10))).toBe('used_up');
    expect(issuedLinkState({ ...link, maxUses: null, uses: 9 }, null, at(10))).toBe('active');
  });
});
