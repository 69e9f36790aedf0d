/**
 * Three real server processes (as `npm start` runs them) on one PostgreSQL database, as the README's
 * scale path runs them. Only PostgreSQL: the embedded database belongs to one process.
 *
 * - The per-IP redemption limit holds for the cluster: 45 attempts from one address spread over
 *   three processes get 30 answers and 15 × 429 (not 90 allowed).
 * - A 5,000-recipient send over the outbox, started on one process that is SIGKILLed midway:
 *   another process takes its claims over within seconds (short leases here, by env), each
 *   recipient gets exactly one outbox row; progress streamed (SSE) from a third process ends with
 *   `done`; a workflow started on the killed process finishes on another.
 * - The same over real SMTP (an smtp-server on 127.0.0.1): every recipient at least once, and a
 *   recipient who got it twice got the same Message-ID both times, at most the killed process's
 *   deliveries in flight (SEND_WORKERS × SEND_CONCURRENCY).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { CHILD_API_KEY, freePort, startChildServer, type ChildServer } from '../support/child-server.ts';
import { httpRequest } from '../support/http-client.ts';
import { createScratchDatabase } from '../support/test-databases.ts';
import { NEWS_EMAIL } from './delivery-support.ts';
import { OFFER_WELCOME_EMAIL } from './workflow-support.ts';

const CONTACTS = 5000;
const WORKERS = 2;
const CONCURRENCY = 8;
/** Short leases so the test is quick; the defaults (15 s / 5 s) are what production gets. */
const LEASE_SECONDS = 3;
const SWEEP_SECONDS = 1;
const WAIT_SECONDS = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

interface SmtpDelivery {
  to: string;
  messageId: string;
}

/** Records each accepted mail's recipient and Message-ID (headers only: 5,000 mails stay cheap). */
async function startSmtpSink(): Promise<{ port: number; received: SmtpDelivery[]; close(): Promise<void> }> {
  const received: SmtpDelivery[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
        for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, messageId });
        callback();
      });
    },
  });
  // A client killed mid-transaction resets its connection: expected here, not a failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Progress {
  status: string;
  counts: { total: number; queued: number; sending: number; sent: number; failed: number; skipped: number };
}

/** Reads a send's SSE stream to its end; resolves to the events (name and data) in order. */
function readProgressStream(server: ChildServer, path: string): Promise<Array<{ event: string; data: Progress }>> {
  return (async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      headers: { authorization: `Bearer ${CHILD_API_KEY}` },
      signal: AbortSignal.timeout(150_000),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    return text
      .split('\n\n')
      .filter((block) => block.startsWith('event: '))
      .map((block) => {
        const [eventLine, dataLine] = block.split('\n');
        return { event: eventLine.slice('event: '.length), data: JSON.parse(dataLine.slice('data: '.length)) as Progress };
      });
  })();
}

describe('three server processes on one PostgreSQL database', () => {
  let databaseUrl = '';
  let dropDatabase = async () => {};
  let database: Database;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const servers: ChildServer[] = [];
  let siteId = '';
  let subdomain = '';

  const startCluster = async (env: Record<string, string>) => {
    const started = await Promise.all(
      [0, 1, 2].map(async () =>
        startChildServer({
          port: await freePort(),
          env: {
            DATA_DIR: mkdtempSync(join(tmpdir(), 'memberlink-cluster-')),
            DATABASE_URL: databaseUrl,
            SEND_BATCH_SIZE: '100',
            SEND_WORKERS: String(WORKERS),
            SEND_CONCURRENCY: String(CONCURRENCY),
            SEND_LEASE_SECONDS: String(LEASE_SECONDS),
            SEND_SWEEP_SECONDS: String(SWEEP_SECONDS),
            SEND_POLL_SECONDS: '0.5',
            ...env,
          },
          startTimeoutMs: 90_000,
        }),
      ),
    );
    servers.push(...started);
    return started;
  };

  const query = async <Row,>(statement: ReturnType<typeof sql>) => ((await database.db.execute(statement)) as unknown as { rows: Row[] }).rows;

  beforeAll(async () => {
    const scratch = await createScratchDatabase('memberlink_cluster');
    databaseUrl = scratch.url;
    dropDatabase = scratch.drop;
    database = await openDatabase({ driver: 'postgres', url: databaseUrl, poolSize: 2 });
    sink = await startSmtpSink();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill()));
    await database?.close();
    await sink?.close();
    await dropDatabase();
  }, 60_000);

  /** Starts the send on `starter`, kills it midway; resolves once another process saw it complete. */
  const sendAndKillMidway = async (starter: ChildServer, watcher: ChildServer, streamer: ChildServer, beforeKill = async () => {}) => {
    const created = await starter.api('POST', `/api/sites/${siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { all: true } });
    expect(created.status, created.text).toBe(202);
    const messageId: string = created.json.id;
    const stream = readProgressStream(streamer, `/api/sites/${siteId}/messages/${messageId}/events`);
    const progress = async (server: ChildServer): Promise<Progress> => (await server.api('GET', `/api/sites/${siteId}/messages/${messageId}?limit=1`)).json;
    const atKill = await until('the send to be under way', 60_000, async () => {
      const now = await progress(watcher);
      return now.counts.sent >= 300 ? now : null;
    }, 20);
    await beforeKill();
    await starter.kill();
    const killedAt = Date.now();
    expect(atKill.counts.sent, `killed too late: ${JSON.stringify(atKill.counts)}`).toBeLessThan(CONTACTS - 500);
    const done = await until('the send to complete after the kill', 120_000, async () => {
      const now = await progress(watcher);
      return now.status === 'completed' ? now : null;
    });
    const completedAfterMs = Date.now() - killedAt;
    expect(done.counts).toEqual({ total: CONTACTS, queued: 0, sending: 0, sent: CONTACTS, failed: 0, skipped: 0 });
    return { messageId, atKill: atKill.counts, completedAfterMs, events: await stream, killedAt };
  };

  it('holds the per-IP redemption limit for the cluster, and survives a process killed mid-send over the outbox', async () => {
    const [a, b, c] = await startCluster({});
    subdomain = 'cluster';
    const site = await a.api('POST', '/api/sites', { title: 'Cluster Academy', subdomain, supportEmail: 'help@cluster.example', supportPhone: '+14155552671' });
    expect(site.status, site.text).toBe(201);
    siteId = site.json.id;

    // 45 redemption attempts from one address, round-robin over the three processes.
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      const server = [a, b, c][i % 3];
      const res = await httpRequest(server.port, { host: `${subdomain}.localhost`, path: '/courses?token=not-a-real-token', localAddress: '127.0.0.9' });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s !== 429)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);

    // A workflow: wait, then an email; started by a grant on `a`, which dies before the wait ends.
    const offer = await a.api('POST', `/api/sites/${siteId}/offers`, { title: 'Engines 101' });
    const template = await a.api('POST', `/api/sites/${siteId}/templates`, { name: 'Welcome', channel: 'email', content: OFFER_WELCOME_EMAIL });
    expect(template.status, template.text).toBe(201);
    const workflow = await a.api('POST', `/api/sites/${siteId}/workflows`, {
      name: 'Welcome after a while',
      trigger: { type: 'offer_access_granted', offerIds: [offer.json.id] },
      actions: [{ type: 'wait', seconds: WAIT_SECONDS }, { type: 'send_email', templateId: template.json.id }],
    });
    expect(workflow.status, workflow.text).toBe(201);

    const csv = ['email,first_name', ...Array.from({ length: CONTACTS }, (_, i) => `member${i}@example.com,Member${i}`)].join('\n');
    const imported = await a.api('POST', `/api/sites/${siteId}/contacts/import`, csv, 'text/csv');
    expect(imported.json, imported.text).toMatchObject({ created: CONTACTS, failed: 0 });
    const someone = (await a.api('GET', `/api/sites/${siteId}/contacts?limit=1`)).json.contacts[0];
    let grantedAt = 0;
    // Granted on `a` while the send runs; `a` is killed once the run is waiting.
    const grantOnA = async () => {
      grantedAt = Date.now();
      const granted = await a.api('POST', `/api/sites/${siteId}/contacts/${someone.id}/access`, { offerId: offer.json.id });
      expect(granted.status, granted.text).toBeLessThan(300);
      await until('the workflow run to wait', 5_000, async () => {
        const runs = (await a.api('GET', `/api/sites/${siteId}/workflows/${workflow.json.id}/runs`)).json.runs;
        return runs[0]?.status === 'waiting';
      }, 50);
    };

    const { messageId, atKill, completedAfterMs, events, killedAt } = await sendAndKillMidway(a, b, c, grantOnA);
    console.info(`outbox: killed at ${JSON.stringify(atKill)}; completed ${completedAfterMs} ms after the kill`);
    // Within a minute of the kill plus the work itself (the lease here is 3 s).
    expect(completedAfterMs).toBeLessThan(60_000);

    // Exactly one outbox row per recipient.
    const [outbox] = await query<{ rows: number; contacts: number }>(
      sql`select count(*)::int as rows, count(distinct contact_id)::int as contacts from outbox_messages where site_id = ${siteId} and subject like 'News for %'`,
    );
    expect(outbox).toEqual({ rows: CONTACTS, contacts: CONTACTS });
    const [orphans] = await query<{ n: number }>(sql`
      select count(*)::int as n from message_recipients r left join outbox_messages o on o.id::text = r.delivery_id
      where r.message_id = ${messageId} and (o.id is null or o.contact_id <> r.contact_id)`);
    expect(orphans.n).toBe(0);

    // Progress streamed by a process that neither started nor (necessarily) sent it.
    expect(events.at(-1)?.event).toBe('done');
    expect(events.at(-1)?.data.counts.sent).toBe(CONTACTS);
    expect(events.filter((e) => e.event === 'progress').length).toBeGreaterThan(2);

    // The workflow started on `a` (dead before its wait ended) finished on another process.
    expect(killedAt - grantedAt).toBeLessThan(WAIT_SECONDS * 1000);
    const run = await until('the workflow run to finish', 60_000, async () => {
      const runs = (await b.api('GET', `/api/sites/${siteId}/workflows/${workflow.json.id}/runs`)).json.runs;
      return runs[0]?.status === 'completed' && runs[0].steps.at(-1)?.delivery?.status === 'sent' ? runs[0] : null;
    });
    expect(run.steps.map((s: { type: string }) => s.type)).toEqual(['wait', 'send_email']);
    expect(await query(sql`select 1 from outbox_messages where contact_id = ${someone.id} and subject = 'Welcome to Engines 101'`)).toHaveLength(1);
  }, 240_000);

  it('over SMTP: everyone at least once, duplicates only with the same Message-ID and at most the deliveries in flight', async () => {
    // The outbox cluster stops (the killed one is gone already); three processes with SMTP start.
    await Promise.all(servers.map((server) => server.stop()));
    const [d, e, f] = await startCluster({ SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
    const { atKill, completedAfterMs } = await sendAndKillMidway(d, e, f);
    expect(completedAfterMs).toBeLessThan(60_000);

    const byAddress = new Map<string, string[]>();
    for (const mail of sink.received) byAddress.set(mail.to, [...(byAddress.get(mail.to) ?? []), mail.messageId]);
    const missing = Array.from({ length: CONTACTS }, (_, i) => `member${i}@example.com`).filter((to) => !byAddress.has(to));
    expect(missing).toEqual([]);
    const twice = [...byAddress].filter(([, ids]) => ids.length > 1);
    const duplicates = twice.reduce((n, [, ids]) => n + ids.length - 1, 0);
    console.info(`smtp: killed at ${JSON.stringify(atKill)}; completed ${completedAfterMs} ms after the kill; ${duplicates} duplicates`);
    for (const [to, ids] of twice) expect(new Set(ids).size, `${to} got different Message-IDs: ${ids.join(', ')}`).toBe(1);
    expect(duplicates).toBeLessThanOrEqual(WORKERS * CONCURRENCY);
    // Every Message-ID names one message and one recipient.
    expect(new Set(sink.received.map((mail) => mail.messageId)).size).toBe(CONTACTS);
  }, 240_000);
});
