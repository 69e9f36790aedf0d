/**
 * insertJsonRows (server/db/insert-json-rows.ts) on both drivers: what a multi-row VALUES stores,
 * it stores — text with the characters JSON and array literals quote (", \, {, }, commas), nulls, jsonb,
 * timestamps, defaults for the columns left out — and RETURNING comes back mapped as drizzle maps it.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { insertJsonRows } from '../../server/db/insert-json-rows.ts';
import { writeOutboxMany } from '../../server/delivery/outbox.ts';
import { domainEvents, outboxMessages, sites } from '../../server/db/schema.ts';
import { cloneTestDatabase, TEST_DRIVERS } from '../support/test-databases.ts';

describe.each(TEST_DRIVERS)('insertJsonRows on %s', (driver) => {
  let database: Database;
  let siteId: string;
  beforeAll(async () => {
    database = await cloneTestDatabase(driver);
    [{ id: siteId }] = await database.db.insert(sites).values({ title: 'Unnest', subdomain: `unnest-${driver}` }).returning({ id: sites.id });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores every value as given, and the defaults of the columns left out', async () => {
    const tricky = 'a "quoted" \\ back,slash {braces} NULL \n line, é 🙂';
    const rows = [
      { id: randomUUID(), siteId, channel: 'email' as const, recipient: 'a@example.com', contactId: null, subject: tricky, html: '<p class="x">{}</p>', text: tricky, headers: { from: '"A" <a@x>', n: 1 }, raw: null },
      { id: randomUUID(), siteId, channel: 'email' as const, recipient: 'NULL', contactId: randomUUID(), subject: null, html: null, text: '', headers: null, raw: '' },
    ];
    await insertJsonRows(database.db, outboxMessages, rows);
    const stored = await database.db.select().from(outboxMessages).where(eq(outboxMessages.siteId, siteId));
    expect(stored).toHaveLength(2);
    for (const row of rows) {
      const { createdAt, ...rest } = stored.find((s) => s.id === row.id)!;
      expect(rest).toEqual(row);
      expect(createdAt).toBeInstanceOf(Date);
    }
  });

  it("stores the same when the rows go as their JSON's bytes (as a bulk send's chunk does)", async () => {
    const tricky = 'a "quoted" \\ back,slash {braces} NULL \n line, é 🙂 日本語 \u0001';
    const rows = [
      { id: randomUUID(), siteId, channel: 'email' as const, recipient: 'b@example.com', contactId: null, subject: tricky, html: `<p>${tricky}</p>`, text: tricky, headers: { from: '"B" <b@x>', n: 2 }, raw: null },
    ];
    await writeOutboxMany(database.db, rows, { asBytes: true });
    const [stored] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, rows[0].id));
    const { createdAt: _createdAt, ...rest } = stored;
    expect(rest).toEqual(rows[0]);
  });

  it('returns the columns asked for, mapped (timestamps as dates, jsonb as objects)', async () => {
    const ids: string[] = [randomUUID(), randomUUID(), randomUUID()];
    const returned = await insertJsonRows(
      database.db,
      domainEvents,
      ids.map((id, i) => ({ id, siteId, type: 'test.event', payload: { i, text: 'x"y' } })),
      { id: domainEvents.id, createdAt: domainEvents.createdAt, payload: domainEvents.payload },
    );
    expect(new Set(returned.map((row) => row.id))).toEqual(new Set(ids));
    for (const row of returned) {
      expect(row.createdAt).toBeInstanceOf(Date);
      expect(row.payload).toEqual({ i: ids.indexOf(row.id), text: 'x"y' });
    }
    expect(await insertJsonRows(database.db, domainEvents, [], { id: domainEvents.id })).toEqual([]);
  });

  it('refuses rows that do not set the same columns (one would silently get null for its default)', async () => {
    await expect(
      insertJsonRows(database.db, domainEvents, [
        { siteId, type: 'a', payload: {} },
        { siteId, type: 'b', payload: {}, id: randomUUID() },
      ]),
    ).rejects.toThrow(/same columns/);
  });
});
