/**
 * A bulk send survives its process dying: a child-process server (as `npm start` runs it) is
 * killed with SIGKILL in the middle of a send, restarted on the same data, and finishes with
 * every recipient delivered exactly once — rows the dead process had claimed are taken over at
 * start (on PostgreSQL once its lease expired), batches it never reached are re-queued — and everyone who
 * can't receive the message skipped with a reason. Counted in the database after the last
 * server stopped: outbox rows per contact, and each sent row's delivery id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database.ts';
import type { EmailContent } from '../../src/template/index.ts';
import { freePort, startChildServer, type ChildServer } from '../support/child-server.ts';
import { mergeField, paragraph, textNode } from '../support/documents.ts';
import { sleep } from '../support/polling.ts';
import { TEST_DRIVERS, createScratchDatabase } from '../support/test-databases.ts';

/** Sized so that the send takes a few seconds on either driver (the kill must land mid-send). */
const CONTACTS = Number(process.env.CRASH_TEST_CONTACTS ?? 4000);
/** Every `HOLDER_EVERY`-th contact holds the offer; the rest are skipped (the message carries a learner link). */
const HOLDER_EVERY = 5;

const EMAIL: EmailContent = {
  subject: 'Your courses, {{contact.first_name}}',
  previewText: '',
  body: {
    type: 'doc',
    content: [
      paragraph(textNode('Hello '), mergeField('contact.first_name'), textNode(', your lessons are waiting.')),
      { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open my courses' } },
    ],
  },
};

interface Counts {
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
}

describe.each(TEST_DRIVERS)('a send killed mid-way (SIGKILL) and restarted on %s', (driver) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-crash-'));
  let databaseUrl = '';
  let dropDatabase = async () => {};
  const servers: ChildServer[] = [];
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
    if (driver === 'postgres') {
      const scratch = await createScratchDatabase('memberlink_crash');
      databaseUrl = scratch.url;
      dropDatabase = scratch.drop;
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.kill();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const server = await startChildServer({
      port,
      env: {
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        SEND_BATCH_SIZE: '50',
        SEND_LEASE_SECONDS: '3',
        SEND_SWEEP_SECONDS: '1',
        SEND_POLL_SECONDS: '0.5',
      },
    });
    servers.push(server);
    return server;
  };

  const openData = (): Promise<Database> =>
    driver === 'postgres'
      ? openDatabase({ driver: 'postgres', url: databaseUrl, poolSize: 2 })
      : openDatabase({ driver: 'pglite', dataDir: join(dataDir, 'pglite') });

  it('finishes after the restart with exactly one delivery per recipient', async () => {
    const first = await start();
    const site = await first.api('POST', '/api/sites', {
      title: 'Crash Academy',
      subdomain: 'crash',
      supportEmail: 'help@crash.example',
      supportPhone: '+14155552671',
    });
    expect(site.status, site.text).toBe(201);
    const siteId: string = site.json.id;
    const offer = await first.api('POST', `/api/sites/${siteId}/offers`, { title: 'Engines 101' });
    expect(offer.status, offer.text).toBe(201);

    const csv = ['email,first_name', ...Array.from({ length: CONTACTS }, (_, i) => `member${i}@example.com,Member${i}`)].join('\n');
    const imported = await first.api('POST', `/api/sites/${siteId}/contacts/import`, csv, 'text/csv');
    expect(imported.json, imported.text).toMatchObject({ created: CONTACTS, failed: 0 });

    // The contacts, then the offer for every fifth (a learner link needs an active offer).
    const contacts: Array<{ id: string; email: string; firstName: string }> = [];
    for (let offset = 0; offset < CONTACTS; offset += 200) {
      const page = await first.api('GET', `/api/sites/${siteId}/contacts?limit=200&offset=${offset}`);
      contacts.push(...page.json.contacts);
    }
    expect(contacts).toHaveLength(CONTACTS);
    const holders = contacts.filter((_, i) => i % HOLDER_EVERY === 0);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < holders.length) {
          const contact = holders[next++];
          const granted = await first.api('POST', `/api/sites/${siteId}/contacts/${contact.id}/access`, { offerId: offer.json.id });
          expect(granted.status, granted.text).toBeLessThan(300);
        }
      }),
    );

    const created = await first.api('POST', `/api/sites/${siteId}/messages`, { document: EMAIL, channel: 'email', recipients: { all: true } });
    expect(created.status, created.text).toBe(202);
    const messageId: string = created.json.id;
    const progress = async (server: ChildServer): Promise<{ status: string; counts: Counts }> => {
      const res = await server.api('GET', `/api/sites/${siteId}/messages/${messageId}?limit=1`);
      expect(res.status, res.text).toBe(200);
      return res.json;
    };

    // Kill it once some recipients are sent and some are not.
    let atKill: Counts | null = null;
    for (let i = 0; i < 3000 && !atKill; i++) {
      const { counts } = await progress(first);
      if (counts.sent > 0) {
        await first.kill();
        atKill = counts;
      } else await sleep(10);
    }
    expect(atKill, 'the send never started').not.toBeNull();
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(atKill!.total).toBe(CONTACTS);
    expect(atKill!.sent, `killed too late: ${JSON.stringify(atKill)}`).toBeLessThan(holders.length);

    // Restart on the same data: recovery re-queues the unfinished batches and reclaims dead claims.
    const second = await start();
    let done: { status: string; counts: Counts } | null = null;
    for (let i = 0; i < 1200 && !done; i++) {
      const now = await progress(second);
      if (now.status === 'completed') done = now;
      else await sleep(100);
    }
    expect(done, 'the send did not complete within 2 minutes of the restart').not.toBeNull();
    expect(done!.counts).toEqual({
      total: CONTACTS,
      queued: 0,
      sending: 0,
      sent: holders.length,
      failed: 0,
      skipped: CONTACTS - holders.length,
    });
    const skipped = await second.api('GET', `/api/sites/${siteId}/messages/${messageId}?status=skipped&limit=1`);
    expect(skipped.json.recipients[0].reason).toBe('no active offer (the message carries a learner link)');
    await second.stop();
    expect(second.child.exitCode).toBe(0);

    // Count what was delivered, in the database the servers used.
    const database = await openData();
    try {
      const query = async <Row,>(statement: ReturnType<typeof sql>) =>
        (await database.db.execute(statement)) as unknown as { rows: Row[] };
      const deliveries = await query<{ contact_id: string; n: number; text: string }>(
        sql`select contact_id, count(*)::int as n, min(text) as text from outbox_messages where site_id = ${siteId} group by contact_id`,
      );
      const perContact = new Map(deliveries.rows.map((row) => [row.contact_id, row]));
      // Exactly one delivery for every holder, none for anyone else, nothing else in the outbox.
      expect(holders.filter((c) => perContact.get(c.id)?.n !== 1).map((c) => c.email)).toEqual([]);
      expect(perContact.size).toBe(holders.length);
      for (const contact of holders) {
        const text = perContact.get(contact.id)!.text;
        expect(text).toContain(`Hello ${contact.firstName}, your lessons are waiting.`);
        expect(text).toMatch(/http:\/\/crash\.localhost:\d+\/courses\?token=[\w-]+\.[\w-]+\.[\w-]+/);
      }
      // Each sent row names the outbox row that delivered it.
      const orphans = await query<{ n: number }>(sql`
        select count(*)::int as n from message_recipients r
        left join outbox_messages o on o.id::text = r.delivery_id and o.contact_id = r.contact_id
        where r.message_id = ${messageId} and r.status = 'sent' and o.id is null`);
      expect(orphans.rows[0].n).toBe(0);
      const events = await query<{ n: number; contacts: number }>(sql`
        select count(*)::int as n, count(distinct payload->>'contactId')::int as contacts from domain_events
        where site_id = ${siteId} and type = 'message.sent' and payload->>'messageId' = ${messageId}`);
      expect(events.rows[0]).toEqual({ n: holders.length, contacts: holders.length });
    } finally {
      await database.close();
    }
  }, 300_000);
});
