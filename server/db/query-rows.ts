/**
 * The rows of one hand-written statement through drizzle's `sql`, on either driver (node-postgres
 * and PGlite both answer `{ rows }`). For hot paths where the query builder's per-call work shows;
 * select plain booleans, integers and float8 there, whose parsing is the same on both drivers.
 */
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './database.ts';

export async function queryRows<Row>(db: DbOrTx, statement: SQL): Promise<Row[]> {
  const result = (await db.execute(statement)) as unknown as { rows: Row[] };
  return result.rows;
}
