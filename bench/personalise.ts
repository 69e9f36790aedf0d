/**
 * Personalisation throughput on one core: the production path per recipient (mint one signed link
 * per magic-link slot with the key imported once, fill the compiled HTML, text and subject, each
 * value escaped for its slot) against (a) compiling MJML per recipient and (b) a bare string join
 * of the same compiled HTML with the same values (no escaping, no token), in the same run.
 * The magic_links rows go to a sink here (recording them is bench/campaign's business).
 * The floor: a raw HMAC over a real token's signing input (as bench/mint measures it), divided by
 * the links per email — no personalisation can beat minting its links; the goal is in bench/support/goals.ts.
 * A second document adds a Show if… (offer holders only) and an unlocked-courses repeat: still
 * compiled once, the regions decided and the cards filled per recipient (3 courses each here).
 *
 *   node --import tsx bench/personalise.ts        (about 15 s)
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { CompiledEmail, DocNode, EmailContent, RenderedEmail } from '../src/template/index.ts';
import { loadConfig } from '../server/config.ts';
import type { DbOrTx } from '../server/db/database.ts';
import { sealSecret } from '../server/links/key-seal.ts';
import { KeyRing } from '../server/links/key-ring.ts';
import { MagicLinkMinter, type MagicLinkRow } from '../server/links/mint-magic-link.ts';
import { newKid, type SigningKeyStore, type StoredSigningKey } from '../server/links/signing-keys.ts';
import { compileMessage, recipientLinkKeys, type CompiledMessage } from '../server/render/compiled-message.ts';
import { recipientFacts } from '../server/render/recipient-facts.ts';
import type { MemberAccess } from '../server/offers/member-access.ts';
import { mintRecipientLinks, recipientValueSource, type RecipientContext } from '../server/render/recipient-values.ts';
import { renderMessage } from '../server/render/render-message.ts';
import type { Site } from '../server/sites/site-repository.ts';
import type { Contact } from '../server/contacts/contact-service.ts';
import { mintLinkToken } from '../server/links/link-token.ts';
import { GOALS, verdict } from './support/goals.ts';

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', DATA_DIR: '/nonexistent' });
const master = randomBytes(32);
const site = {
  id: randomUUID(), title: 'Analytical Academy', subdomain: 'academy', supportEmail: 'help@academy.example', supportPhone: '+14155552671',
  learnerLinkTtlSeconds: 7 * 24 * 3600, userLinkTtlSeconds: 900, linkMaxUses: null, createdAt: new Date(), updatedAt: new Date(),
} as Site;
const stored: StoredSigningKey = { kid: newKid(), siteId: site.id, algorithm: 'HS256', status: 'active', sealedSecret: sealSecret(master, randomBytes(32)) };
const store: SigningKeyStore = { findByKid: async (kid) => (kid === stored.kid ? stored : null), activeKey: async () => stored };
const ring = new KeyRing(store, master);
let recorded = 0;
const sinkDb = {} as DbOrTx;
const toSink = async (_db: DbOrTx, rows: MagicLinkRow[]) => void (recorded += rows.length);

const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const t = (text: string): DocNode => ({ type: 'text', text });
const f = (key: string, fallback?: string): DocNode => ({ type: 'mergeField', attrs: { key, fallback: fallback ?? null } });
const email: EmailContent = {
  subject: 'Welcome back, {{contact.first_name | default: "friend"}}',
  previewText: 'New lessons at {{site.title}}',
  body: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [t('Hello '), f('contact.first_name', 'there')] },
      p(t('Three new lessons are waiting for you at '), f('site.title'), t('. Pick up where you left off — your progress is saved.')),
      { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Continue learning' } },
      p(t('Questions? Write to '), f('site.support_email'), t(' and quote your email '), f('contact.email'), t('.')),
      p(t('Prefer the community? '), { type: 'text', text: 'Join the discussion', marks: [{ type: 'link', attrs: { href: '{{magic_link.communities}}' } }] }),
    ],
  },
};

const OFFER_ID = randomUUID();
const withBlocks: EmailContent = {
  ...email,
  body: {
    type: 'doc',
    content: [
      ...(email.body.content ?? []),
      { type: 'showIf', attrs: { condition: 'offer', offerId: OFFER_ID }, content: [p(t('Members of the gold plan: a new masterclass is out.'))] },
      { type: 'showIf', attrs: { condition: 'no_offer' }, content: [p(t('Choose a plan to unlock the courses.'))] },
      { type: 'unlockedItems', attrs: { list: 'courses', buttonLabel: 'Start learning' } },
    ],
  },
};
const access: MemberAccess = {
  offers: [{ id: OFFER_ID, title: 'Gold' }],
  courses: ['Piano basics', 'Guitar chords', 'Music theory'].map((title) => ({ id: randomUUID(), title, description: `All about ${title.toLowerCase()}` })),
  communities: [],
  affiliates: false,
};

const contacts: Contact[] = Array.from({ length: 1000 }, (_, i) => ({
  id: randomUUID(), siteId: site.id, email: `member${i}@example.com`, phone: null, firstName: i % 10 === 0 ? `<b>O'Brien & "Co"</b>` : `Member${i}`,
  lastName: 'Tester', customFields: {}, unsubscribedAt: null, linksValidAfter: null, createdAt: new Date(), updatedAt: new Date(),
}));

const compiled = await compileMessage({ channel: 'email', content: email });
const compiledWithBlocks = await compileMessage({ channel: 'email', content: withBlocks });
const now = new Date();
let sizeGuard = 0;

async function production(contact: Contact, minter: MagicLinkMinter) {
  const recipient: RecipientContext = { site, contact };
  const links = await mintRecipientLinks(recipient, compiled.linkKeys, { minter, channel: 'email', sentBy: 'message:bench', now });
  const rendered = renderMessage(compiled, recipientValueSource(config, recipient, links));
  sizeGuard += (rendered.filled as RenderedEmail).html.length;
}

/** The production path for a document with Show if… and a repeat (facts as a send batch builds them). */
async function productionWithBlocks(contact: Contact, minter: MagicLinkMinter, message: CompiledMessage = compiledWithBlocks) {
  const recipient: RecipientContext = { site, contact };
  const facts = recipientFacts(contact, access);
  const links = await mintRecipientLinks(recipient, recipientLinkKeys(message, facts), { minter, channel: 'email', sentBy: 'message:bench', now });
  const rendered = renderMessage(message, recipientValueSource(config, recipient, links), facts);
  sizeGuard += (rendered.filled as RenderedEmail).html.length;
}

async function mjmlPerRecipientWithBlocks(contact: Contact, minter: MagicLinkMinter) {
  await productionWithBlocks(contact, minter, await compileMessage({ channel: 'email', content: withBlocks }));
}

async function mjmlPerRecipient(contact: Contact, minter: MagicLinkMinter) {
  // No compiledCache here: every recipient compiles anew.
  const fresh = await compileMessage({ channel: 'email', content: email });
  const recipient: RecipientContext = { site, contact };
  const links = await mintRecipientLinks(recipient, fresh.linkKeys, { minter, channel: 'email', sentBy: 'message:bench', now });
  const rendered = renderMessage(fresh, recipientValueSource(config, recipient, links));
  sizeGuard += (rendered.filled as RenderedEmail).html.length;
}

const fixedUrl = `http://academy.localhost:3000/courses?token=${'x'.repeat(280)}`;
function bareJoin(contact: Contact) {
  const { parts, slots } = (compiled.form as CompiledEmail).html;
  let out = parts[0];
  for (let i = 0; i < slots.length; i++) {
    const key = slots[i].key;
    out += (key.startsWith('magic_link') ? fixedUrl : key === 'contact.first_name' ? contact.firstName : key === 'contact.email' ? contact.email : site.title) + parts[i + 1];
  }
  sizeGuard += out.length;
}

/** This process's CPU time in ms: on a busy machine wall time would count other processes' turns. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function rate(fn: (contact: Contact, minter: MagicLinkMinter) => unknown): Promise<number> {
  const minter = new MagicLinkMinter(sinkDb, ring, config, { batchSize: 500, writeRows: toSink });
  let n = 0;
  const start = cpuMs();
  while (cpuMs() - start < ROUND_MS) {
    for (let i = 0; i < 100; i++) await fn(contacts[n++ % contacts.length], minter);
  }
  await minter.flush();
  return (n / (cpuMs() - start)) * 1000;
}

// The same signing input a production link signs (header + payload), HMACed directly.
const iat = Math.floor(Date.now() / 1000);
const sampleToken = await mintLinkToken(await ring.signingKey(site.id), {
  iss: site.id, aud: 'learner', sub: contacts[0].id, dest: 'courses', iat, exp: iat + 7 * 24 * 3600, jti: randomBytes(16).toString('base64url'),
});
const signingInput = sampleToken.split('.').slice(0, 2).join('.');
const hmacSecret = randomBytes(32);
function rawHmac() {
  sizeGuard += createHmac('sha256', hmacSecret).update(signingInput).digest('base64url').length;
}

const best: Record<string, number> = { production: 0, mjml: 0, join: 0, hmac: 0, blocks: 0, blocksMjml: 0 };
for (let round = 0; round < ROUNDS; round++) {
  best.hmac = Math.max(best.hmac, await rate(rawHmac));
  best.production = Math.max(best.production, await rate(production));
  best.mjml = Math.max(best.mjml, await rate(mjmlPerRecipient));
  best.join = Math.max(best.join, await rate(bareJoin));
  best.blocks = Math.max(best.blocks, await rate(productionWithBlocks));
  best.blocksMjml = Math.max(best.blocksMjml, await rate(mjmlPerRecipientWithBlocks));
}
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);
console.log(`personalised emails per CPU-second (one core, best of ${ROUNDS} rounds of ${ROUND_MS} ms of CPU; ${compiled.linkKeys.length} magic links each):`);
console.log(`  compile once, mint + fill (production): ${fmt(best.production)}/s`);
console.log(`  compile MJML per recipient:             ${fmt(best.mjml)}/s   production is ${(best.production / best.mjml).toFixed(1)}x faster`);
console.log(`  bare string join, no escaping/tokens:   ${fmt(best.join)}/s   production runs at ${((best.production / best.join) * 100).toFixed(1)}% of it`);
const floor = best.hmac / compiled.linkKeys.length;
console.log(`  raw HMAC ${fmt(best.hmac)}/s ÷ ${compiled.linkKeys.length} links = floor ${fmt(floor)} emails/s; production is ${((best.production / floor) * 100).toFixed(1)}% of it${verdict(GOALS.personaliseOfHmacFloor, best.production / floor)}`);
console.log(`  (links recorded to the sink: ${recorded.toLocaleString('en-US')}; ${sizeGuard > 0 ? 'output checked' : ''})`);
const blockLinks = recipientLinkKeys(compiledWithBlocks, recipientFacts(contacts[0], access)).length;
console.log(`  with Show if… + unlocked courses (${blockLinks} magic links each: ${access.courses.length} cards):`);
console.log(`    compile once, decide + mint + fill:   ${fmt(best.blocks)}/s   ${((best.blocks / best.production) * 100).toFixed(1)}% of the plain document's rate`);
console.log(`    compile MJML per recipient:           ${fmt(best.blocksMjml)}/s   compile once is ${(best.blocks / best.blocksMjml).toFixed(1)}x faster`);
const blocksFloor = best.hmac / blockLinks;
console.log(`    floor ${fmt(blocksFloor)} emails/s (${blockLinks} links); with blocks is ${((best.blocks / blocksFloor) * 100).toFixed(1)}% of it${verdict(GOALS.personaliseOfHmacFloor, best.blocks / blocksFloor)}`);

