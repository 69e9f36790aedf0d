/**
 * The rows of one hand-written statement through drizzle's `sql`, on either driver (node-postgres
 * and PGlite both answer `{ rows }`). For hot paths where the query builder's per-call work shows;
 * select plain booleans, integers and float8 there, whose parsing is the same on both drivers.
 *
 * `prepared` prepares the statement once per connection and executes it by name after that:
 * PostgreSQL skips parsing and planning it (for a redemption's CTEs, a good part of its server
 * time) and the wire carries only the parameters. The name is a digest of the text, so a
 * statement whose text varies (an audience's own SQL spliced in) gets one prepared statement per
 * text and never runs another's.
 */
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './database.ts';

/** The parts of drizzle's database (and transaction) this needs; drizzle marks them internal. */
interface DrizzleInternals {
  dialect: { sqlToQuery(statement: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<unknown> } };
}

export async function queryRows<Row>(db: DbOrTx, statement: SQL, options: { prepared?: boolean } = {}): Promise<Row[]> {
  if (!options.prepared) return ((await db.execute(statement)) as unknown as { rows: Row[] }).rows;
  const { dialect, session } = db as unknown as DrizzleInternals;
  const query = dialect.sqlToQuery(statement);
  const name = `q${createHash('sha1').update(query.sql).digest('base64url')}`;
  const result = await session.prepareQuery(query, undefined, name, false).execute();
  return (result as { rows: Row[] }).rows;
}
