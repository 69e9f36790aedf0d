/** Login-CSRF: which form posts count as coming from another website (server/http/form-origin.ts). */
import { describe, expect, it } from 'vitest';
import { isForeignFormPost } from '../../../server/http/form-origin.ts';

const post = (headers: Record<string, string>) => isForeignFormPost({ headers: { host: 'academy.localhost:3000', ...headers } });

describe('isForeignFormPost', () => {
  it('passes a post from the page itself, as a browser sends it under Referrer-Policy: no-referrer', () => {
    // A same-origin form on a no-referrer page carries Origin: null; Sec-Fetch-Site vouches for it.
    expect(post({ origin: 'null', 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(post({ origin: 'http://academy.localhost:3000', 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(post({ origin: 'http://ACADEMY.localhost:3000' })).toBe(false);
  });

  it('refuses a post from a sibling member site or any other website', () => {
    expect(post({ origin: 'http://other.localhost:3000', 'sec-fetch-site': 'same-site' })).toBe(true);
    expect(post({ origin: 'null', 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(post({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(post({ 'sec-fetch-site': 'cross-site' })).toBe(true);
  });

  it('without fetch metadata, judges by the Origin host (the port counts, the scheme does not)', () => {
    expect(post({ origin: 'https://evil.example' })).toBe(true);
    expect(post({ origin: 'http://academy.localhost:4000' })).toBe(true);
    expect(post({ origin: 'https://academy.localhost:3000' })).toBe(false);
    expect(post({ origin: 'not a url' })).toBe(true);
  });

  it('passes a client that is not a browser (no Origin, no Sec-Fetch-Site)', () => {
    expect(post({})).toBe(false);
  });
});
