/**
 * Link minting throughput: the production path (KeyRing, key imported once, signed with node's
 * HMAC) against a raw `crypto.createHmac('sha256')` over the same signing input, in the same run.
 * Also shows why: jose's SignJWT, even with the imported CryptoKey, pays an async WebCrypto call per
 * token, and given the raw secret or a KeyObject it re-imports it per call.
 *
 *   node --import tsx bench/mint.ts        (no database; a few seconds)
 */
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { sealSecret } from '../server/links/key-seal.ts';
import { KeyRing } from '../server/links/key-ring.ts';
import { mintLinkToken, type LinkClaims } from '../server/links/link-token.ts';
import { newKid, type SigningKeyStore, type StoredSigningKey } from '../server/links/signing-keys.ts';

/** Variants run interleaved in rounds and the best round counts, so a noisy machine hurts them alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 120);
const SITE = '0b8e7a52-3f0c-4b7e-9d51-6a1f2e3d4c5b';
const SUBJECT = '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f';

const master = randomBytes(32);
const secret = randomBytes(32);
const stored: StoredSigningKey = { kid: newKid(), siteId: SITE, algorithm: 'HS256', status: 'active', sealedSecret: sealSecret(master, secret) };
const store: SigningKeyStore = { findByKid: async (kid) => (kid === stored.kid ? stored : null), activeKey: async () => stored };
const ring = new KeyRing(store, master);

const iat = Math.floor(Date.now() / 1000);
const claims = (): LinkClaims => ({
  iss: SITE,
  aud: 'learner',
  sub: SUBJECT,
  dest: 'courses',
  iat,
  exp: iat + 7 * 24 * 3600,
  jti: randomBytes(16).toString('base64url'),
});
const header = { alg: 'HS256', kid: stored.kid, typ: 'JWT' };
const b64json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function viaJose(key: Uint8Array | ReturnType<typeof createSecretKey>): Promise<string> {
  const { dest, ...registered } = claims();
  return new SignJWT({ dest, ...registered }).setProtectedHeader(header).sign(key);
}

// The same signing input the production path signs (header + payload), HMACed directly.
const signingInput = (await mintLinkToken(await ring.signingKey(SITE), claims())).split('.').slice(0, 2).join('.');
const variants: Record<string, () => Promise<unknown> | unknown> = {
  'KeyRing + node HMAC (production)': async () => mintLinkToken(await ring.signingKey(SITE), claims()),
  'KeyRing CryptoKey + jose SignJWT': async () => {
    const { kid, key } = await ring.signingKey(SITE);
    return mintLinkToken({ kid, key }, claims());
  },
  'jose, raw secret per call': () => viaJose(secret),
  'jose, KeyObject per call': () => viaJose(createSecretKey(secret)),
  'raw createHmac, same input': () => createHmac('sha256', secret).update(signingInput).digest('base64url'),
  'raw createHmac + build token': () => {
    const input = `${b64json(header)}.${b64json(claims())}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  },
};

async function measure(fn: () => Promise<unknown> | unknown): Promise<number> {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 50; i++) await fn();
    n += 50;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

for (const fn of Object.values(variants)) for (let i = 0; i < 300; i++) await fn(); // warm-up
const rates: Record<string, number> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries(variants)) rates[name] = Math.max(rates[name] ?? 0, await measure(fn));
}

const width = Math.max(...Object.keys(rates).map((k) => k.length));
console.log(`node ${process.version}, best of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms, token ~${signingInput.length + 44} chars`);
for (const [name, rate] of Object.entries(rates)) {
  console.log(`${name.padEnd(width)}  ${Math.round(rate).toLocaleString('en-US').padStart(10)} mints/s`);
}
const production = rates['KeyRing + node HMAC (production)'];
console.log(`\nraw HMAC (same input) / production mint: ${(rates['raw createHmac, same input'] / production).toFixed(2)}x`);
console.log(`raw HMAC + build token / production mint: ${(rates['raw createHmac + build token'] / production).toFixed(2)}x`);
console.log(`production / jose with imported key:      ${(production / rates['KeyRing CryptoKey + jose SignJWT']).toFixed(2)}x`);
console.log(`production / jose raw secret per call:    ${(production / rates['jose, raw secret per call']).toFixed(2)}x`);
