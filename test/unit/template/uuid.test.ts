import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, isCanonicalUuid, isUuidAnyCase } from '../../../src/template/uuid';

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

/** A few hundred strings around the UUID shape: valid ones, and each with one character or the length changed. */
function candidates(): string[] {
  const out: string[] = ['', '-', '0'.repeat(36), `${'0'.repeat(8)}-${'0'.repeat(4)}-${'0'.repeat(4)}-${'0'.repeat(4)}-${'0'.repeat(12)}`];
  const replacements = ['g', 'A', 'F', '-', '0', 'f', ' ', '"', '\\', '\u0000', 'é', '\u0660', '\uff10', '/', ':', '`', '@', 'G'];
  for (let n = 0; n < 12; n++) {
    const id = randomUUID();
    out.push(id, id.toUpperCase(), `${id}\n`, ` ${id}`, id.slice(1), `${id}0`, `{${id}}`, id.replaceAll('-', ''));
    for (let i = 0; i < id.length; i++) out.push(id.slice(0, i) + replacements[(i + n) % replacements.length] + id.slice(i + 1));
  }
  return out;
}

// isCanonicalUuid is UUID_PATTERN written as a loop (minting's hot path): the two must always agree.
describe('isCanonicalUuid', () => {
  it('answers as UUID_PATTERN does for every string near the shape', () => {
    const all = candidates();
    let valid = 0;
    for (const value of all) {
      expect(isCanonicalUuid(value), JSON.stringify(value)).toBe(UUID_PATTERN.test(value));
      if (isCanonicalUuid(value)) valid++;
    }
    // Both answers are exercised: the valid ids and some single-character changes (0 → f) pass.
    expect(valid).toBeGreaterThan(12);
    expect(all.length - valid).toBeGreaterThan(300);
  });
});
