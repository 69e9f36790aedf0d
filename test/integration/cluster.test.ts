/**
 * Four real server processes (as `npm start` runs them) on one PostgreSQL database, as the README's
 * scale path runs them, started once. Only PostgreSQL: the embedded database belongs to one process.
 * Email goes over real SMTP (an smtp-server on 127.0.0.1), SMS to the embedded outbox, so one
 * cluster shows both kinds of transport.
 *
 * - The per-IP redemption limit holds for the cluster: 45 attempts from one address spread over
 *   the processes get 30 answers and 15 × 429 (not 30 per process).
 * - Two 5,000-recipient sends, each started on a process that is SIGKILLed midway through it (the
 *   SMS one while it is stalled writing a batch, so it surely holds claims): the claims it held are
 *   someone else's within seconds (short leases here, by env); progress
 *   streamed (SSE) from another process ends with `done`. Over the outbox (SMS) each recipient
 *   gets exactly one row; over SMTP (email) every recipient gets it at least once, and one who got
 *   it twice got the same Message-ID both times, at most the killed process's deliveries in flight
 *   (SEND_WORKERS × SEND_CONCURRENCY).
 * - The process killed mid-email also held a workflow step (stalled on a table lock the test
 *   holds): another process runs it within seconds of the kill, and its message is created and sent
 *   once. A workflow whose Wait that process started finishes on another.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { SMTPServerSession } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsContent } from '../../src/template/index.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { CHILD_API_KEY, freePort, startChildServer, type ChildServer } from '../support/child-server.ts';
import { httpRequest } from '../support/http-client.ts';
import { waitFor } from '../support/polling.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { createScratchDatabase } from '../support/test-databases.ts';
import { NEWS_EMAIL } from './delivery-support.ts';
import { OFFER_WELCOME_SMS } from './workflow-support.ts';

const CONTACTS = 5000;
const WORKERS = 2;
const CONCURRENCY = 8;
/** Short leases so the test is quick; the defaults (15 s / 5 s) are what production gets. */
const LEASE_SECONDS = 3;
const SWEEP_SECONDS = 1;
/** Long enough for the kill to come first (the steps it holds are set up in between), under load. */
const WAIT_SECONDS = 20;
/**
 * A dead process's work (its claims, its workflow step) is another's within this of the kill: the
 * issue's "seconds, not minutes" (pg-boss would expire the job after 15 minutes). Here the lease is
 * 3 s and the sweep 1 s, so it is typically ~5 s.
 */
const TAKEOVER_BOUND_MS = 30_000;

interface SmtpDelivery {
  to: string;
  messageId: string;
}

/** Each accepted mail's recipients and Message-ID (headers only: 5,000 mails stay cheap). */
function readDeliveries(stream: Readable, session: SMTPServerSession): Promise<SmtpDelivery[]> {
  return new Promise((resolve, reject) => {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 16_384) head += chunk.toString('latin1');
    });
    stream.on('error', reject);
    stream.on('end', () => {
      const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
      resolve(session.envelope.rcptTo.map((rcpt) => ({ to: rcpt.address, messageId })));
    });
  });
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
      signal: AbortSignal.timeout(280_000),
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

/** Holds `statement` (a LOCK TABLE) in an open transaction until the returned release is called (once or more). */
async function holdLock(database: Database, statement: SQL): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const transaction = database.db.transaction(async (tx) => {
    await tx.execute(statement);
    locked();
    await released;
  });
  await Promise.race([isLocked, transaction]);
  return async () => {
    release();
    await transaction;
  };
}

const NEWS_SMS: SmsContent = {
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'News for ' }, { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: null } }] }] },
};

const contactsCsv = () =>
  ['email,phone,first_name', ...Array.from({ length: CONTACTS }, (_, i) => `member${i}@example.com,+1212555${String(i).padStart(4, '0')},Member${i}`)].join('\n');

describe('three server processes on one PostgreSQL database', () => {
  let databaseUrl = '';
  let dropDatabase = async () => {};
  let database: Database;
  let sink: SmtpSink<SmtpDelivery>;
  let servers: ChildServer[] = [];

  const query = async <Row,>(statement: SQL) => ((await database.db.execute(statement)) as unknown as { rows: Row[] }).rows;
  /** Each process labels its connections `cluster-<i>` (pg_stat_activity), so the test can tell whose query waits. */
  const serverNamed = (applicationName: string) => servers[Number(applicationName.slice('cluster-'.length))];

  beforeAll(async () => {
    const scratch = await createScratchDatabase('memberlink_cluster');
    databaseUrl = scratch.url;
    dropDatabase = scratch.drop;
    database = await openDatabase({ driver: 'postgres', url: databaseUrl, poolSize: 3 });
    sink = await startSmtpSink({ read: readDeliveries });
    const labelled = (i: number) => {
      const url = new URL(databaseUrl);
      url.searchParams.set('application_name', `cluster-${i}`);
      return url.toString();
    };
    const starting = [0, 1, 2, 3].map(async (i) =>
      startChildServer({
        port: await freePort(),
        env: {
          DATA_DIR: mkdtempSync(join(tmpdir(), 'memberlink-cluster-')),
          DATABASE_URL: labelled(i),
          SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
          SEND_BATCH_SIZE: '100',
          SEND_WORKERS: String(WORKERS),
          SEND_CONCURRENCY: String(CONCURRENCY),
          SEND_LEASE_SECONDS: String(LEASE_SECONDS),
          SEND_SWEEP_SECONDS: String(SWEEP_SECONDS),
          SEND_POLL_SECONDS: '0.5',
          // A batch that met a transient failure (a busy machine) is tried again in seconds, like the lease.
          SEND_RETRY_DELAY_SECONDS: '1',
        },
        startTimeoutMs: 110_000,
      }),
    );
    const settled = await Promise.allSettled(starting);
    servers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill()));
    await database?.close();
    await sink?.close();
    await dropDatabase();
  }, 60_000);

  it('holds the per-IP limit for the cluster; a process killed mid-send (outbox, then SMTP) or mid-step loses its work to the others within seconds', async () => {
    const [a, b, c, d] = servers;
    // After `a` is killed (mid-SMS): the processes that hold the steps when `d` is killed.
    const alive = [b, c, d];
    const subdomain = 'cluster';
    const site = await a.api('POST', '/api/sites', { title: 'Cluster Academy', subdomain, supportEmail: 'help@cluster.example', supportPhone: '+14155552671' });
    expect(site.status, site.text).toBe(201);
    const siteId: string = site.json.id;

    // 45 redemption attempts from one address, round-robin over the three processes.
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      const server = servers[i % servers.length];
      const res = await httpRequest(server.port, { host: `${subdomain}.localhost`, path: '/courses?token=not-a-real-token', localAddress: '127.0.0.9' });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s !== 429)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);

    const imported = await a.api('POST', `/api/sites/${siteId}/contacts/import`, contactsCsv(), 'text/csv');
    expect(imported.json, imported.text).toMatchObject({ created: CONTACTS, failed: 0 });
    const template = await a.api('POST', `/api/sites/${siteId}/templates`, { name: 'Welcome', channel: 'sms', content: OFFER_WELCOME_SMS });
    expect(template.status, template.text).toBe(201);
    const workflowFor = async (name: string, offerTitle: string, actions: object[]) => {
      const offer = await a.api('POST', `/api/sites/${siteId}/offers`, { title: offerTitle });
      const workflow = await a.api('POST', `/api/sites/${siteId}/workflows`, { name, trigger: { type: 'offer_access_granted', offerIds: [offer.json.id] }, actions });
      expect(workflow.status, workflow.text).toBe(201);
      return { offerId: offer.json.id as string, workflowId: workflow.json.id as string };
    };
    // Wait, then a text: started on the process that dies before the wait ends.
    const later = await workflowFor('Welcome after a while', 'Engines 101', [{ type: 'wait', seconds: WAIT_SECONDS }, { type: 'send_sms', templateId: template.json.id }]);
    // A text at once, for three contacts while the test holds the messages table: every live process's
    // (one) step worker takes one and stalls creating its message, so the process killed holds one.
    const atOnce = await workflowFor('Welcome at once', 'Engines 201', [{ type: 'send_sms', templateId: template.json.id }]);
    const contacts: Array<{ id: string }> = (await a.api('GET', `/api/sites/${siteId}/contacts?limit=3`)).json.contacts;
    const grant = async (server: ChildServer, contactId: string, offerId: string) => {
      const granted = await server.api('POST', `/api/sites/${siteId}/contacts/${contactId}/access`, { offerId });
      expect(granted.status, granted.text).toBeLessThan(300);
    };
    const runsOf = async (workflowId: string) => (await b.api('GET', `/api/sites/${siteId}/workflows/${workflowId}/runs`)).json.runs;

    // The SMS send starts on `a`, killed midway through it; the email send (queued behind it) on `d`,
    // killed midway through it while it also holds a workflow step and has started a Wait.
    const send = async (server: ChildServer, document: unknown, channel: 'email' | 'sms') => {
      const created = await server.api('POST', `/api/sites/${siteId}/messages`, { document, channel, recipients: { all: true } });
      expect(created.status, created.text).toBe(202);
      return created.json.id as string;
    };
    const smsId = await send(a, NEWS_SMS, 'sms');
    const emailId = await send(d, NEWS_EMAIL, 'email');
    const streams = [smsId, emailId].map((id) => readProgressStream(c, `/api/sites/${siteId}/messages/${id}/events`));
    const progress = async (messageId: string): Promise<Progress> => (await b.api('GET', `/api/sites/${siteId}/messages/${messageId}?limit=1`)).json;
    const underWay = (messageId: string) =>
      waitFor(async () => {
        const now = await progress(messageId);
        return now.counts.sent >= 300 && now.counts;
      }, { what: 'the send to be under way', timeout: 120_000, interval: 20 });
    // Claimed before the kill and still 'sending': the dead process's claims (until the sweep frees
    // them) and live processes' deliveries in flight (done in moments).
    const claimsTakenOver = (messageId: string, killedAt: number) =>
      waitFor(async () => {
        const [held] = await query<{ n: number }>(
          sql`select count(*)::int as n from message_recipients where message_id = ${messageId} and status = 'sending' and claimed_at <= ${new Date(killedAt)}`,
        );
        return held.n === 0 && Date.now() - killedAt;
      }, { what: 'the claims held at the kill to be done or taken over', timeout: TAKEOVER_BOUND_MS, interval: 100 });

    /** The servers whose queries wait for a lock the test holds, inserting into `table` (alone, or as one part of a bulk send's statement). */
    const stalledOn = async (table: string) =>
      (
        await query<{ application_name: string }>(sql`
          select distinct application_name from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike ${`%insert into "${table}"%`}`)
      ).map((row) => serverNamed(row.application_name));

    const smsAtKill = await underWay(smsId);
    // A batch's outbox rows commit with its recipients marked sent, so `a` is killed while it holds
    // claims for sure: stalled (by a lock the test holds) writing a batch to the outbox.
    const unlockOutbox = await holdLock(database, sql`lock table outbox_messages in share mode`);
    let smsKilledAt = 0;
    try {
      await waitFor(async () => (await stalledOn('outbox_messages')).includes(a), { what: 'a to hold claims, stalled writing them to the outbox', timeout: 30_000, interval: 20 });
      await a.kill();
      smsKilledAt = Date.now();
    } finally {
      await unlockOutbox();
    }
    const smsClaimsAfterMs = await claimsTakenOver(smsId, smsKilledAt);

    const emailAtKill = await underWay(emailId);
    // The Wait starts on `d`.
    const grantedAt = Date.now();
    await grant(d, contacts[0].id, later.offerId);
    await waitFor(async () => (await runsOf(later.workflowId))[0]?.status === 'waiting', { what: 'the workflow run to wait', timeout: 10_000, interval: 50 });
    // SHARE: reads (progress, runs) and sends go on; creating a message waits.
    const unlock = await holdLock(database, sql`lock table messages in share mode`);
    let killedAt = 0;
    try {
      await Promise.all(contacts.map((contact, i) => grant(alive[i], contact.id, atOnce.offerId)));
      await waitFor(async () => {
        const stalled = await stalledOn('messages');
        const claimed = await query(sql`select 1 from workflow_runs where workflow_id = ${atOnce.workflowId} and step_claimed_by is not null`);
        return stalled.length === alive.length && claimed.length === alive.length && stalled.includes(d);
      }, { what: 'each process to hold a step, stalled creating its message', timeout: 30_000, interval: 50 });
      await d.kill();
      killedAt = Date.now();
    } finally {
      // Once `d` is dead the table is let go: the others finish their steps, and one takes over d's.
      await unlock();
    }
    const stepsTakenOver = waitFor(async () => {
      const runs = await runsOf(atOnce.workflowId);
      return runs.length === alive.length && runs.every((r: { status: string }) => r.status === 'completed') && Date.now() - killedAt;
    }, { what: "every step recorded, the dead process's by another", timeout: TAKEOVER_BOUND_MS, interval: 50 });
    const [emailClaimsAfterMs, stepsAfterMs] = await Promise.all([claimsTakenOver(emailId, killedAt), stepsTakenOver]);
    for (const counts of [smsAtKill, emailAtKill]) expect(counts.sent, `killed too late: ${JSON.stringify(counts)}`).toBeLessThan(CONTACTS - 500);
    let lastSeen: unknown = null;
    const done = await waitFor(async () => {
      const now = await Promise.all([smsId, emailId].map(progress));
      lastSeen = now.map((p) => ({ status: p.status, counts: p.counts }));
      return now.every((p) => p.status === 'completed') && now;
    }, { what: 'both sends to complete after the kill', timeout: 240_000, interval: 100 }).catch(async (error: Error) => {
      // What was left, and who held it, so a stuck send says why.
      const left = await query(
        sql`select message_id, status, claimed_by, attempts, reason, count(*)::int as n from message_recipients where message_id in (${smsId}, ${emailId}) and status <> 'sent' group by 1, 2, 3, 4, 5`,
      );
      throw new Error(`${error.message}; last progress ${JSON.stringify(lastSeen)}; recipients not sent ${JSON.stringify(left)}`);
    });
    const completedAfterMs = Date.now() - killedAt;
    for (const p of done) expect(p.counts).toEqual({ total: CONTACTS, queued: 0, sending: 0, sent: CONTACTS, failed: 0, skipped: 0 });

    // Over the outbox: exactly one row per recipient.
    const [rows] = await query<{ rows: number; contacts: number }>(
      sql`select count(*)::int as rows, count(distinct contact_id)::int as contacts from outbox_messages where site_id = ${siteId} and text like 'News for %'`,
    );
    expect(rows).toEqual({ rows: CONTACTS, contacts: CONTACTS });
    const [orphans] = await query<{ n: number }>(sql`
      select count(*)::int as n from message_recipients r left join outbox_messages o on o.id::text = r.delivery_id
      where r.message_id = ${smsId} and (o.id is null or o.contact_id <> r.contact_id)`);
    expect(orphans.n).toBe(0);

    // Over SMTP: everyone at least once; a duplicate only with the same Message-ID, at most the deliveries in flight.
    const byAddress = new Map<string, string[]>();
    for (const mail of sink.received) byAddress.set(mail.to, [...(byAddress.get(mail.to) ?? []), mail.messageId]);
    const missing = Array.from({ length: CONTACTS }, (_, i) => `member${i}@example.com`).filter((to) => !byAddress.has(to));
    expect(missing).toEqual([]);
    const twice = [...byAddress].filter(([, ids]) => ids.length > 1);
    const duplicates = twice.reduce((n, [, ids]) => n + ids.length - 1, 0);
    for (const [to, ids] of twice) expect(new Set(ids).size, `${to} got different Message-IDs: ${ids.join(', ')}`).toBe(1);
    expect(duplicates).toBeLessThanOrEqual(WORKERS * CONCURRENCY);
    // Every Message-ID names one message and one recipient.
    expect(new Set(sink.received.map((mail) => mail.messageId)).size).toBe(CONTACTS);

    console.info(
      `sms: killed at ${JSON.stringify(smsAtKill)}, claims taken over ${smsClaimsAfterMs} ms after; ` +
        `email: killed at ${JSON.stringify(emailAtKill)}, claims taken over ${emailClaimsAfterMs} ms and the steps ${stepsAfterMs} ms after, ` +
        `both sends completed ${completedAfterMs} ms after; ${duplicates} SMTP duplicates`,
    );
    for (const ms of [smsClaimsAfterMs, emailClaimsAfterMs, stepsAfterMs]) expect(ms).toBeLessThan(TAKEOVER_BOUND_MS);

    // Progress streamed by a process that neither started nor (necessarily) sent them.
    for (const events of await Promise.all(streams)) {
      expect(events.at(-1)?.event).toBe('done');
      expect(events.at(-1)?.data.counts.sent).toBe(CONTACTS);
      expect(events.filter((e) => e.event === 'progress').length).toBeGreaterThan(2);
    }

    // Both workflows finish on the living: the steps the dead process held, and the Wait it started.
    expect(killedAt - grantedAt).toBeLessThan(WAIT_SECONDS * 1000);
    for (const { workflowId, runs } of [{ ...atOnce, runs: alive.length }, { ...later, runs: 1 }]) {
      const finished = await waitFor(async () => {
        const all = await runsOf(workflowId);
        return all.length === runs && all.every((r: any) => r.status === 'completed' && r.steps.at(-1)?.delivery?.status === 'sent') ? all : null;
      }, { what: 'the workflow runs to finish', timeout: 60_000, interval: 100 });
      for (const run of finished) expect(run.steps.at(-1)).toMatchObject({ type: 'send_sms', outcome: 'queued' });
      // Each step's message created once (the dead process's attempt rolled back with it).
      const [created] = await query<{ n: number }>(sql`select count(*)::int as n from messages where sent_by = ${`workflow:${workflowId}`}`);
      expect(created.n).toBe(runs);
    }
    expect((await runsOf(later.workflowId))[0].steps.map((s: { type: string }) => s.type)).toEqual(['wait', 'send_sms']);
    const welcomes = await query<{ offer: string; n: number }>(sql`
      select substring(text from '^Engines [0-9]+') as offer, count(*)::int as n from outbox_messages
      where site_id = ${siteId} and text like 'Engines %' group by 1 order by 1`);
    expect(welcomes).toEqual([{ offer: 'Engines 101', n: 1 }, { offer: 'Engines 201', n: 3 }]);
  }, 300_000);
});
