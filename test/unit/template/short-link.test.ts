/**
 * The short link's format and what it does to an SMS: the code carries ≥ 96 bits (16 random
 * bytes), and the example "Hi {first name}, log in: <link>" fits one GSM-7 segment on a
 * 25-character host — where the full link takes three.
 */
import { describe, expect, it } from 'vitest';
import {
  countSmsSegments,
  originOfSiteHost,
  sampleMagicLinkUrl,
  sampleShortLinkUrl,
  SHORT_LINK_CODE_BYTES,
  SHORT_LINK_CODE_LENGTH,
  SHORT_LINK_CODE_PATTERN,
  shortLinkUrl,
} from '../../../src/template/index.ts';
import { newJti } from '../../../server/links/mint-magic-link.ts';
import { hashShortCode, PREVIEW_SHORT_CODE, shortCodeOfPath } from '../../../server/links/short-links.ts';

/** 25 characters, the yardstick. */
const HOST = 'members.acme-academy.test';

describe('short link codes', () => {
  it('are 16 random bytes in base64url: 22 characters, 128 bits', () => {
    expect(HOST).toHaveLength(25);
    expect(SHORT_LINK_CODE_BYTES * 8).toBeGreaterThanOrEqual(96);
    expect(SHORT_LINK_CODE_LENGTH).toBe(22);
    const codes = Array.from({ length: 20_000 }, () => newJti());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes.slice(0, 200)) {
      expect(code).toMatch(SHORT_LINK_CODE_PATTERN);
      expect(Buffer.from(code, 'base64url')).toHaveLength(SHORT_LINK_CODE_BYTES);
    }
    // Every position takes every value: nothing fixed or biased enough to shrink the space.
    const charsAt = (i: number) => new Set(codes.map((c) => c[i]));
    for (let i = 0; i < SHORT_LINK_CODE_LENGTH - 1; i++) expect(charsAt(i).size, `position ${i}`).toBe(64);
    // The last character carries 2 bits (128 = 21×6 + 2): 4 values.
    expect(charsAt(SHORT_LINK_CODE_LENGTH - 1).size).toBe(4);
  });

  it('are stored as their SHA-256 and found only in a /l/ path', () => {
    const code = newJti();
    expect(hashShortCode(code)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashShortCode(code)).not.toContain(code);
    expect(shortCodeOfPath(`/l/${code}`)).toBe(code);
    expect(shortCodeOfPath(`/l/${code}/`)).toBe(code);
    expect(shortCodeOfPath(`/courses`)).toBeNull();
    // The preview code has a real code's length but can never be one.
    expect(PREVIEW_SHORT_CODE).toHaveLength(SHORT_LINK_CODE_LENGTH);
    expect(PREVIEW_SHORT_CODE).not.toMatch(SHORT_LINK_CODE_PATTERN);
  });
});

describe('short link URLs', () => {
  it('are {origin}/l/{code}, on https for a bare host and on the origin when given one', () => {
    expect(originOfSiteHost(HOST)).toBe(`https://${HOST}`);
    expect(originOfSiteHost('http://academy.localhost:3000/')).toBe('http://academy.localhost:3000');
    expect(originOfSiteHost('https://academy.example.com//')).toBe('https://academy.example.com');
    expect(shortLinkUrl('http://academy.localhost:3000', 'abc')).toBe('http://academy.localhost:3000/l/abc');
    expect(sampleShortLinkUrl(HOST)).toHaveLength(`https://${HOST}/l/`.length + SHORT_LINK_CODE_LENGTH);
  });

  it('fit "Hi {first name}, log in: <link>" in one GSM-7 segment on a 25-character host (the full link takes three)', () => {
    const message = (link: string) => `Hi Ada, log in: ${link}`;
    const short = countSmsSegments(message(sampleShortLinkUrl(HOST)));
    expect(short).toMatchObject({ encoding: 'GSM-7', units: 74, segments: 1 });
    // Room to spare for a long first name.
    expect(countSmsSegments(message(sampleShortLinkUrl(HOST)).replace('Ada', 'A'.repeat(80))).segments).toBe(1);
    const full = countSmsSegments(message(sampleMagicLinkUrl(HOST, 'courses')));
    expect(full.segments).toBe(3);
    expect(full.units).toBeGreaterThan(400);
  });
});
