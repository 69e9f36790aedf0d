/**
 * A bulk send end to end, on PGlite (on disk) and on PostgreSQL: CAMPAIGN_RECIPIENTS contacts
 * (default 100,000) holding an offer get an email with their name and a magic link, through the
 * real server in this process — the API creates the send, the pg-boss queue runs its batches,
 * each recipient is rendered, minted, recorded (magic_links, message_recipients, domain_events)
 * and delivered to the outbox. Reported per driver:
 *   - recipients per second, and that rate against a baseline measured in the same run: writing
 *     the same outbox rows (same sizes, 50 per INSERT, each its own transaction, their JSON encoded
 *     as the pipeline's chunk encodes it) and nothing else;
 *   - memory sampled every 50 ms: peak RSS and heap over the first 10,000 recipients and over the
 *     whole send, and the heap after a full GC at 10,000 and at the end (it must not grow with
 *     the count: the pipeline streams batches, it never loads the audience);
 *   - a check that every recipient got exactly one outbox message and one link.
 * The SMTP variant (on PostgreSQL unless CAMPAIGN_SMTP_DRIVERS says otherwise) delivers the same
 * campaign to a real SMTP server on 127.0.0.1 (smtp-server, counting what it accepts) through the
 * product's pooled nodemailer transport, against bare nodemailer (same pool size, the same html,
 * text and subject, the same number in flight) sending to that server in the same run; its check is
 * that every recipient was accepted at least once.
 *
 *   node --import tsx bench/campaign.ts                 (both drivers + SMTP, about 20 minutes on 2 cores)
 *   CAMPAIGN_RECIPIENTS=20000 CAMPAIGN_DRIVERS=pglite CAMPAIGN_SMTP_DRIVERS= node --import tsx bench/campaign.ts
 *
 * Each driver runs in its own child process (with --expose-gc), so their memory is their own.
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test
 * (a scratch database is created next to it and dropped afterwards).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { GOALS, verdict } from './support/goals.ts';
import { runChild } from './support/run-child.ts';

const RECIPIENTS = Number(process.env.CAMPAIGN_RECIPIENTS ?? 100_000);
const EARLY = Math.min(10_000, Math.floor(RECIPIENTS / 10));
const BASELINE_ROWS = Math.min(RECIPIENTS, 20_000);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const driverArg = process.env.CAMPAIGN_DRIVER;
type Transport = 'outbox' | 'smtp';
const transport = (process.env.CAMPAIGN_TRANSPORT ?? 'outbox') as Transport;
const listOf = (value: string) => value.split(',').filter(Boolean);

if (!driverArg) {
  // Parent: one child per run, one after the other (they would compete for the cores).
  const runs: Array<{ driver: string; transport: Transport }> = [
    ...listOf(process.env.CAMPAIGN_DRIVERS ?? 'pglite,postgres').map((driver) => ({ driver, transport: 'outbox' as const })),
    ...listOf(process.env.CAMPAIGN_SMTP_DRIVERS ?? 'postgres').map((driver) => ({ driver, transport: 'smtp' as const })),
  ];
  let failed = 0;
  for (const run of runs) {
    const status = await runChild(['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, CAMPAIGN_DRIVER: run.driver, CAMPAIGN_TRANSPORT: run.transport },
      timeoutMs: 15 * 60_000,
    });
    if (status !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}

const { loadConfig } = await import('../server/config.ts');
const { createAppContext } = await import('../server/bootstrap.ts');
const { buildApp } = await import('../server/app.ts');
const { accessGrants, contacts, magicLinks, outboxMessages } = await import('../server/db/schema.ts');
const { writeOutboxMany } = await import('../server/delivery/outbox.ts');
const { messageCounts } = await import('../server/messages/message-progress.ts');
const { startSmtpCounter, bareNodemailerRate } = await import('./support/smtp-counter.ts');

const driver = driverArg as 'pglite' | 'postgres';
const KEY = 'bench-bootstrap-key-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-campaign-'));
const scratchName = `memberlink_bench_${randomBytes(5).toString('hex')}`;
const adminQuery = async (text: string) => {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};
let databaseUrl = '';
if (driver === 'postgres') {
  await adminQuery(`create database "${scratchName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${scratchName}`;
  databaseUrl = url.toString();
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const cpuSeconds = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1e6;

const smtp = transport === 'smtp' ? await startSmtpCounter() : null;
const label = `${driver}${smtp ? ' → SMTP' : ''}`;

try {
  const config = loadConfig({
    PUBLIC_URL: 'http://localhost:3000',
    MEMBERLINK_API_KEY: KEY,
    MEMBERLINK_MASTER_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    SEND_POLL_SECONDS: '0.5',
    ...(smtp && { SMTP_URL: `smtp://127.0.0.1:${smtp.port}?tls=off`, MAIL_FROM: 'Bench Academy <news@bench.example>' }),
  });
  const ctx = await createAppContext(config);
  const app = await buildApp(ctx);
  await app.ready();
  const api = async (method: 'GET' | 'POST', url: string, body?: unknown, contentType = 'application/json') => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${KEY}`, ...(body !== undefined && { 'content-type': contentType }) },
      ...(body !== undefined && { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  // Set-up (not measured): a site, an offer, the contacts by CSV import, the offer for all of them.
  let started = performance.now();
  const site = await api('POST', '/api/sites', { title: 'Bench Academy', subdomain: 'bench', supportEmail: 'help@bench.example', supportPhone: '+14155552671' });
  const offer = await api('POST', `/api/sites/${site.id}/offers`, { title: 'Engines 101' });
  for (let from = 0; from < RECIPIENTS; from += 50_000) {
    const rows = Array.from({ length: Math.min(50_000, RECIPIENTS - from) }, (_, i) => `member${from + i}@example.com,Member${from + i},Tester`);
    await api('POST', `/api/sites/${site.id}/contacts/import`, ['email,first_name,last_name', ...rows].join('\n'), 'text/csv');
  }
  // Granted in one statement (the grant API emits an event per grant; workflows are not under test here).
  await ctx.db.insert(accessGrants).select(
    ctx.db
      .select({
        id: sql<string>`gen_random_uuid()`.as('id'),
        siteId: contacts.siteId,
        contactId: contacts.id,
        offerId: sql<string>`${offer.id}::uuid`.as('offer_id'),
        source: sql<string>`'bench'`.as('source'),
        grantedAt: sql<Date>`now()`.as('granted_at'),
        revokedAt: sql<null>`null::timestamptz`.as('revoked_at'),
      })
      .from(contacts)
      .where(eq(contacts.siteId, site.id)),
  );
  console.log(`\n${label}: ${fmt(RECIPIENTS)} contacts imported and granted in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const p = (...content: unknown[]) => ({ type: 'paragraph', content });
  const text = (value: string) => ({ type: 'text', text: value });
  const field = (key: string) => ({ type: 'mergeField', attrs: { key, fallback: null } });
  const document = {
    subject: 'New lessons for you, {{contact.first_name}}',
    previewText: 'Pick up where you left off at {{site.title}}',
    body: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Hello '), field('contact.first_name')] },
        p(text('Three new lessons are waiting for you at '), field('site.title'), text('. Your progress is saved.')),
        { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Continue learning' } },
        p(text('Questions? Write to '), field('site.support_email'), text(' and quote '), field('contact.email'), text('.')),
      ],
    },
  };

  // The campaign, with memory sampled throughout.
  gc();
  const atStart = process.memoryUsage();
  const peak = { rss: 0, heap: 0 };
  let early: { rss: number; heap: number; heapAfterGc: number; seconds: number } | null = null;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  }, 50);
  started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const message = await api('POST', `/api/sites/${site.id}/messages`, { document, channel: 'email', recipients: { offerId: offer.id } });
  let counts = await messageCounts(ctx.db, message.id);
  while (counts.queued + counts.sending > 0) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    counts = await messageCounts(ctx.db, message.id);
    if (!early && counts.sent >= EARLY) {
      gc();
      early = { ...peak, heapAfterGc: process.memoryUsage().heapUsed, seconds: (performance.now() - started) / 1000 };
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuOfSend = cpuSeconds(process.cpuUsage(cpuAtStart));
  clearInterval(sampler);
  gc();
  const heapAfterGc = process.memoryUsage().heapUsed;

  const [links] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(magicLinks)
    .where(and(eq(magicLinks.siteId, site.id), eq(magicLinks.messageId, message.id)));
  /** What each transport checks of the send, and its baseline measured right after, in this process. */
  interface Outcome {
    ok: boolean;
    check: string;
    baselineRate: number;
    baselineText: string;
    /** This process's CPU seconds over the baseline, where it has one in this process. */
    baselineCpu?: number;
  }

  /** Every recipient accepted by the server at least once (a duplicate is allowed only after a crash: none here). */
  const smtpOutcome = async (counter: NonNullable<typeof smtp>): Promise<Outcome> => {
    const accepted = await counter.accepted();
    const ok = counts.sent === RECIPIENTS && accepted.recipients === RECIPIENTS && links.n === RECIPIENTS;
    return {
      ok,
      check: ok
        ? `every recipient accepted by the SMTP server (${fmt(accepted.deliveries - accepted.recipients)} duplicates), one magic link each`
        : `FAILED (sent ${counts.sent}, server accepted ${accepted.deliveries} for ${accepted.recipients} recipients, links ${links.n})`,
      // Bare nodemailer, the same pool and number in flight, the same message, to the same server.
      baselineRate: await bareNodemailerRate(counter, { messages: BASELINE_ROWS, inFlight: config.delivery.concurrency }),
      baselineText: `bare nodemailer (pooled, ${config.delivery.concurrency} in flight) sending the same message to the same server`,
    };
  };

  /** Every recipient: exactly one outbox message and one magic link. */
  const outboxOutcome = async (): Promise<Outcome> => {
    const [delivered] = await ctx.db
      .select({ rows: sql<number>`count(*)::int`, contacts: sql<number>`count(distinct ${outboxMessages.contactId})::int` })
      .from(outboxMessages)
      .where(eq(outboxMessages.siteId, site.id));
    const ok = counts.sent === RECIPIENTS && delivered.rows === RECIPIENTS && delivered.contacts === RECIPIENTS && links.n === RECIPIENTS;

    // Baseline, same database: the same outbox rows (a delivered one, copied) written 50 per INSERT,
    // each INSERT its own transaction (one statement, as the pipeline writes a chunk) — with none of
    // the rendering, minting or recording.
    const [sample] = await ctx.db.select().from(outboxMessages).where(eq(outboxMessages.siteId, site.id)).limit(1);
    const { id: _id, createdAt: _createdAt, ...row } = sample;
    const baselineSite = await api('POST', '/api/sites', { title: 'Baseline', subdomain: 'baseline' });
    const baselineStarted = performance.now();
    const cpuAtBaseline = process.cpuUsage();
    for (let done = 0; done < BASELINE_ROWS; done += 50) {
      const chunk = Array.from({ length: Math.min(50, BASELINE_ROWS - done) }, () => ({ ...row, id: randomUUID(), siteId: baselineSite.id }));
      // The rows' JSON encoded as the pipeline's chunk encodes it (as bytes).
      await writeOutboxMany(ctx.db, chunk, { asBytes: true });
    }
    return {
      ok,
      check: ok
        ? 'every recipient has exactly one outbox message and one magic link'
        : `FAILED (sent ${counts.sent}, outbox ${delivered.rows} rows for ${delivered.contacts} contacts, links ${links.n})`,
      baselineRate: BASELINE_ROWS / ((performance.now() - baselineStarted) / 1000),
      baselineText: 'the same outbox rows written 50 per INSERT (its own transaction) and nothing else',
      baselineCpu: cpuSeconds(process.cpuUsage(cpuAtBaseline)),
    };
  };

  const { ok, check, baselineRate, baselineText, baselineCpu } = smtp ? await smtpOutcome(smtp) : await outboxOutcome();

  const rate = RECIPIENTS / seconds;
  console.log(`${label}: ${fmt(RECIPIENTS)} recipients in ${seconds.toFixed(1)} s = ${fmt(rate)} recipients/s  (${counts.sent} sent, ${counts.failed} failed, ${counts.skipped} skipped)`);
  console.log(`  baseline, ${baselineText}: ${fmt(baselineRate)}/s (${fmt(BASELINE_ROWS)} messages)`);
  const goal = smtp ? GOALS.campaignOfBareSmtpRate : GOALS.campaignOfOutboxRate;
  console.log(`  the whole pipeline runs at ${((rate / baselineRate) * 100).toFixed(1)}% of the baseline (${(baselineRate / rate).toFixed(1)}x slower)${verdict(goal, rate / baselineRate)}`);
  // CPU time of this process: the machine's load hardly moves it (on PGlite the database is in it too).
  const cpuPerThousand = (cpu: number, n: number) => `${((cpu / n) * 1e6).toFixed(0)} ms`;
  console.log(
    `  CPU of this process per 1,000: pipeline ${cpuPerThousand(cpuOfSend, RECIPIENTS)}${baselineCpu === undefined ? '' : `, baseline ${cpuPerThousand(baselineCpu, BASELINE_ROWS)} (pipeline at ${((baselineCpu / BASELINE_ROWS / (cpuOfSend / RECIPIENTS)) * 100).toFixed(1)}% of the baseline by CPU${driver === 'postgres' ? '; the database server\'s CPU not counted' : ''})`}`,
  );
  console.log(`  memory at start of send: rss ${MB(atStart.rss)}, heap ${MB(atStart.heapUsed)}`);
  if (early) {
    console.log(`  first ${fmt(EARLY)} recipients (${early.seconds.toFixed(1)} s): peak rss ${MB(early.rss)}, peak heap ${MB(early.heap)}, heap after GC ${MB(early.heapAfterGc)}`);
  }
  console.log(`  all ${fmt(RECIPIENTS)} recipients:            peak rss ${MB(peak.rss)}, peak heap ${MB(peak.heap)}, heap after GC ${MB(heapAfterGc)}`);
  if (early) {
    console.log(
      `  growth from ${fmt(EARLY)} to ${fmt(RECIPIENTS)} recipients: peak rss ${((peak.rss / early.rss - 1) * 100).toFixed(1)}%, heap after GC ${((heapAfterGc / early.heapAfterGc - 1) * 100).toFixed(1)}%${verdict(GOALS.campaignRssGrowth, peak.rss / early.rss - 1)}`,
    );
  }
  console.log(`  check: ${check}`);

  await app.close();
  await ctx.database.close();
  process.exitCode = ok ? 0 : 1;
} finally {
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (driver === 'postgres') await adminQuery(`drop database if exists "${scratchName}" with (force)`);
}
