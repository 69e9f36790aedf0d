/**
 * The rows of one hand-written statement through drizzle's `sql`, on either driver (node-postgres
 * and PGlite both answer `{ rows }`). For hot paths where the query builder's per-call work shows;
 * select plain booleans, integers and float8 there, whose parsing is the same on both drivers.
 *
 * With `prepared`, the text and parameters come from compile-sql.ts (drizzle's own builder when it
 * declines a statement); the statement is prepared once per connection and executes it by name after that:
 * PostgreSQL skips parsing and planning it (for a redemption's CTEs, a good part of its server
 * time) and the wire carries only the parameters. The name is a digest of the text, so a
 * statement whose text varies (an audience's own SQL spliced in) gets one prepared statement per
 * text and never runs another's. On PGlite, which has no such API, server/db/pglite-statements.ts
 * does the same; inside a PGlite transaction the statement runs unprepared, on the transaction.
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './database.ts';
import { queryPrepared } from './pglite-statements.ts';
import { compileSql } from './compile-sql.ts';

/** The parts of drizzle's database (and transaction) this needs; drizzle marks them internal. */
interface DrizzleInternals {
  dialect: { sqlToQuery(statement: SQL): { sql: string; params: unknown[] } };
  /** The driver's client: set on the database, not on a transaction handle. */
  $client?: unknown;
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<unknown> } };
}

/**
 * A prepared statement's name: a digest of its text, remembered per text (a Map lookup hashes the
 * text without the digest's copy of it). Bounded: a statement whose text varies gets one entry per
 * text, and the memory is cleared when full.
 */
const statementNames = new Map<string, string>();
const MAX_STATEMENT_NAMES = 1_000;
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `q${createHash('sha1').update(text).digest('base64url')}`;
    if (statementNames.size >= MAX_STATEMENT_NAMES) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

export async function queryRows<Row>(db: DbOrTx, statement: SQL, options: { prepared?: boolean } = {}): Promise<Row[]> {
  if (!options.prepared) return ((await db.execute(statement)) as unknown as { rows: Row[] }).rows;
  const { dialect, session, $client } = db as unknown as DrizzleInternals;
  const query = compileSql(statement) ?? dialect.sqlToQuery(statement);
  const name = statementName(query.sql);
  // The embedded database's own named statements (a transaction's statements keep to its handle).
  if ($client instanceof PGlite) return queryPrepared<Row>($client, name, query.sql, query.params);
  const result = await session.prepareQuery(query, undefined, name, false).execute();
  return (result as { rows: Row[] }).rows;
}
