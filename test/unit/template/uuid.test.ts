import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, isUuidAnyCase } from '../../../src/template/uuid';

const ID = '3f2b6c1e-8a4d-4e2f-9b7c-1d2e3f4a5b6c';

describe('UUIDs', () => {
  it('matches only the canonical lower-case form', () => {
    expect(UUID_PATTERN.test(ID)).toBe(true);
    for (const other of [ID.toUpperCase(), `${ID}0`, `x${ID}`, ID.replaceAll('-', ''), `{${ID}}`, `${ID}\n`]) {
      expect(UUID_PATTERN.test(other), other).toBe(false);
    }
  });

  it('accepts an id typed or pasted in any letter case, and nothing else', () => {
    expect(isUuidAnyCase(ID)).toBe(true);
    expect(isUuidAnyCase(ID.toUpperCase())).toBe(true);
    expect(isUuidAnyCase('3F2B6C1E-8a4d-4E2F-9b7c-1D2E3F4A5B6C')).toBe(true);
    expect(isUuidAnyCase(`${ID} `)).toBe(false);
    expect(isUuidAnyCase('not-a-uuid')).toBe(false);
  });
});
