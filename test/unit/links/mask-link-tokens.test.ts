import { describe, expect, it } from 'vitest';
import { maskLinkTokens, maskOptional, TOKEN_MASK } from '../../../server/links/mask-link-tokens.ts';
import { PREVIEW_SHORT_CODE } from '../../../server/links/short-links.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jws = (payload: Record<string, unknown>) => `${b64({ alg: 'HS256', kid: 'k1' })}.${b64(payload)}.c2lnbmF0dXJlLWJ5dGVz`;
const LEARNER = jws({ aud: 'learner', sub: 'contact-1', dest: 'courses' });
const USER = jws({ aud: 'user', sub: 'staff-1', dest: '' });
const LIVE = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

describe('maskLinkTokens', () => {
  it.each([
    ['a plain URL', `http://a.localhost:3000/courses?token=${LEARNER}`, `http://a.localhost:3000/courses?token=${TOKEN_MASK}`],
    ['an HTML attribute with &amp;', `<a href="http://a.localhost/x?utm=1&amp;token=${LEARNER}">Go</a>`, `<a href="http://a.localhost/x?utm=1&amp;token=${TOKEN_MASK}">Go</a>`],
    ['a URL-encoded URL', `url=http%3A%2F%2Fa.localhost%2Fcourses%3Ftoken%3D${LEARNER}%26x%3D1`, `url=http%3A%2F%2Fa.localhost%2Fcourses%3Ftoken%3D${TOKEN_MASK}%26x%3D1`],
    ['a bare token', `paste this: ${USER}.`, `paste this: ${TOKEN_MASK}.`],
    ['an entity-encoded equals sign', `/login?token&#61;${USER}`, `/login?token&#61;${TOKEN_MASK}`],
  ])('masks %s', (_name, input, expected) => {
    const result = maskLinkTokens(input);
    expect(result.text).toBe(expected);
    expect(result.masked).toBe(1);
    expect(result.text).not.toMatch(LIVE);
  });

  it('masks a long token parameter that is not a JWS, and leaves short values and other text alone', () => {
    expect(maskLinkTokens('/x?token=abcdefghijklmnopqrstuvwxyz0123').text).toBe(`/x?token=${TOKEN_MASK}`);
    expect(maskLinkTokens('/courses?token=preview and a .dotted.word').text).toBe('/courses?token=preview and a .dotted.word');
    expect(maskLinkTokens('/api/unsubscribe/3f2b6c1e-8a4d-4e2f-9b7c-1d2e3f4a5b6c.AbCdEf').masked).toBe(0);
  });

  it('asks the caller per token, with its audience and subject, and keeps what it allows', () => {
    const seen: unknown[] = [];
    const html = `<a href="/courses?token=${LEARNER}">c</a> <a href="/login?token=${USER}">s</a>`;
    const result = maskLinkTokens(html, (token) => {
      seen.push(token);
      return token.audience === 'learner';
    });
    expect(seen).toEqual([
      { audience: 'learner', subject: 'contact-1' },
      { audience: 'user', subject: 'staff-1' },
    ]);
    expect(result.text).toBe(`<a href="/courses?token=${LEARNER}">c</a> <a href="/login?token=${TOKEN_MASK}">s</a>`);
    expect(result.masked).toBe(1);
  });

  it('treats an unreadable payload as nobody\'s and masks it', () => {
    const odd = 'eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln';
    expect(maskLinkTokens(`x ${odd}`, (t) => t.audience !== null).text).toBe(`x ${TOKEN_MASK}`);
  });

  it('keeps null as null', () => {
    expect(maskOptional(null)).toEqual({ text: null, masked: 0 });
  });

  it('masks the code of a short link, raw or percent-encoded, as a member link the caller may keep', () => {
    const code = 'AbCdEfGhIjKlMnOpQrSt_-';
    expect(maskLinkTokens(`Hi Ada, log in: https://a.example/l/${code}`)).toEqual({ text: `Hi Ada, log in: https://a.example/l/${TOKEN_MASK}`, masked: 1 });
    expect(maskLinkTokens(`url=https%3A%2F%2Fa.example%2Fl%2F${code}`).text).toBe(`url=https%3A%2F%2Fa.example%2Fl%2F${TOKEN_MASK}`);
    const seen: unknown[] = [];
    const kept = maskLinkTokens(`https://a.example/l/${code}`, (found) => (seen.push(found), found.audience === 'learner'));
    expect(kept).toEqual({ text: `https://a.example/l/${code}`, masked: 0 });
    expect(seen).toEqual([{ audience: 'learner', subject: null }]);
    // Not a code: a preview's placeholder, a shorter or longer path segment.
    expect(maskLinkTokens(`https://a.example/l/${PREVIEW_SHORT_CODE}`).masked).toBe(0);
    expect(maskLinkTokens('https://a.example/l/short and /l/AbCdEfGhIjKlMnOpQrSt_-x').masked).toBe(0);
  });
});
