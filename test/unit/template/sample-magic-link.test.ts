import { describe, expect, it } from 'vitest';
import { LONGEST_PLAUSIBLE_MAGIC_LINK_LENGTH, sampleMagicLinkToken, sampleMagicLinkUrl } from '../../../src/template/index';

function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

describe('sampleMagicLinkUrl', () => {
  it('is a URL to the destination with an HS256 JWT shaped like a real one', () => {
    const url = new URL(sampleMagicLinkUrl('academy.example.com', 'courses/intro'));
    expect(url.origin + url.pathname).toBe('https://academy.example.com/courses/intro');
    const [header, claims, signature] = url.searchParams.get('token')!.split('.');
    expect(decodeSegment(header)).toEqual({ alg: 'HS256', kid: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), typ: 'JWT' });
    expect(decodeSegment(claims)).toEqual({
      iss: expect.stringMatching(/^[0-9a-f-]{36}$/),
      aud: 'learner',
      sub: expect.stringMatching(/^[0-9a-f-]{36}$/),
      dest: 'courses/intro',
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32-byte HMAC-SHA256
  });

  it('is URL-safe base64 without padding, whatever the destination', () => {
    for (const destination of ['courses/???>>>', 'courses/???>>>a', 'courses/???>>>ab']) {
      const token = sampleMagicLinkToken(destination);
      expect(token, destination).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(decodeSegment(token.split('.')[1]).dest).toBe(destination);
    }
  });

  it('gives the SMS counter a realistic, generous length', () => {
    const home = sampleMagicLinkUrl('academy.example.com', '');
    expect(home.length).toBeGreaterThan(350);
    expect(LONGEST_PLAUSIBLE_MAGIC_LINK_LENGTH).toBeGreaterThan(home.length);
  });
});
