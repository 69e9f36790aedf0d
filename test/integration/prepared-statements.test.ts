/**
 * queryRows({ prepared: true }) on both drivers: PostgreSQL prepares by name per connection,
 * PGlite through server/db/pglite-statements.ts (one call per execution). Same rows and types as
 * the unprepared path, errors that leave the database usable, one prepared statement per text,
 * and never a statement run inside another caller's open transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../server/db/database.ts';
import { queryRows } from '../../server/db/query-rows.ts';
import { sites } from '../../server/db/schema.ts';
import { cloneTestDatabase, TEST_DRIVERS } from '../support/test-databases.ts';

describe.each(TEST_DRIVERS)('prepared statements on %s', (driver) => {
  let database: Database;
  beforeAll(async () => {
    database = await cloneTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  const typed = (n: number, label: string | null) =>
    sql`select ${n}::int as "int", ${n}::float8 / 2 as "half", ${n} > 1 as "big", ${label}::text as "label", null::text as "nothing"`;

  it('answers the same rows, with the same types, as the unprepared statement, for every parameter', async () => {
    for (const [n, label] of [[1, 'one'], [3, null], [7, "it's"]] as const) {
      const prepared = await queryRows(database.db, typed(n, label), { prepared: true });
      expect(prepared).toEqual(await queryRows(database.db, typed(n, label)));
      expect(prepared).toEqual([{ int: n, half: n / 2, big: n > 1, label, nothing: null }]);
    }
  });

  it('keeps statements of different texts apart', async () => {
    const a = await queryRows<{ v: string }>(database.db, sql`select 'a' || ${'x'}::text as v`, { prepared: true });
    const b = await queryRows<{ v: string }>(database.db, sql`select 'b' || ${'x'}::text as v`, { prepared: true });
    expect([a[0].v, b[0].v]).toEqual(['ax', 'bx']);
  });

  it('reports a failed execution as the database error, and the next statement runs', async () => {
    const subdomain = `prep-${randomUUID().slice(0, 8)}`;
    const insert = () => queryRows(database.db, sql`insert into sites (title, subdomain) values (${'Prepared'}, ${subdomain}) returning id`, { prepared: true });
    await insert();
    // drizzle wraps the driver's error (its `cause`) on PostgreSQL; PGlite's comes as it is.
    const error = (await insert().catch((e: unknown) => e)) as { code?: string; cause?: { code?: string } };
    expect(error.code ?? error.cause?.code).toBe('23505');
    expect(await queryRows(database.db, typed(2, 'after'), { prepared: true })).toEqual([{ int: 2, half: 1, big: true, label: 'after', nothing: null }]);
  });

  it("waits for another caller's open transaction instead of running inside it", async () => {
    const subdomain = `prep-${randomUUID().slice(0, 8)}`;
    let seenInside: number | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(sites).values({ title: 'Rolled back', subdomain });
        // Started while the transaction is open; it must not see (or join) the uncommitted row.
        const outside = queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from sites where subdomain = ${subdomain}`, { prepared: true });
        seenInside = (await Promise.race([outside, new Promise<undefined>((resolve) => setTimeout(resolve, 200))]))?.[0].n;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(seenInside === undefined || seenInside === 0).toBe(true);
    expect(await database.db.select().from(sites).where(eq(sites.subdomain, subdomain))).toEqual([]);
  });
});
