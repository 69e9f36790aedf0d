/**
 * One schema, two drivers: embedded PGlite (default) or PostgreSQL through `pg` when a
 * connection string is given. Callers get the same drizzle API and a raw SQL executor
 * (used by pg-boss and the few hand-written statements) whichever driver is underneath.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; accepted wherever a Db is, so helpers compose inside transactions. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface Database {
  driver: 'pglite' | 'postgres';
  db: Db;
  sql: SqlExecutor;
  /** Runs fn while holding a cluster-wide advisory lock (one process at a time). */
  exclusive<T>(lockId: number, fn: () => Promise<T>): Promise<T>;
  /** PGlite only: the whole database as a tarball (tests clone a migrated template from it). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Serialises migrations across processes sharing one PostgreSQL database. */
const MIGRATION_LOCK_ID = 724_301_955;

export type DatabaseSource =
  | { driver: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | { driver: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(source: DatabaseSource): Promise<Database> {
  if (source.driver === 'postgres') return openPostgres(source.url, source.poolSize ?? 10);
  return openPglite(source.dataDir, source.loadDataDir);
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create(loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    driver: 'pglite',
    db,
    sql: { query: async (text, params) => ({ rows: (await client.query(text, params)).rows as never[] }) },
    // One embedded database belongs to one process, so there is nobody to exclude.
    exclusive: (_lockId, fn) => fn(),
    dumpDataDir: () => client.dumpDataDir('none'),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * An embedded database directory is one process's: a second process opening it would corrupt it.
 * A lock file with the owner's pid refuses the second opener with what to do instead.
 */
const LOCK_FILE = '.memberlink.lock';

function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, LOCK_FILE);
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = embeddedDatabaseOwner(dataDir);
    if (owner) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${owner}. Stop that process first, or set DATABASE_URL to share a PostgreSQL database between processes.`,
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  const release = () => rmSync(lockFile, { force: true });
  process.once('exit', release);
  return release;
}

/** The live process (other than this one) holding an embedded database directory, if any. */
export function embeddedDatabaseOwner(dataDir: string): number | null {
  let owner: number;
  try {
    owner = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
  } catch {
    return null;
  }
  return owner && owner !== process.pid && processAlive(owner) ? owner : null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // A failing idle client must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    driver: 'postgres',
    db,
    sql: { query: async (text, params) => ({ rows: (await pool.query(text, params as unknown[])).rows }) },
    async exclusive(lockId, fn) {
      // The lock belongs to a session, so take and release it on one dedicated connection.
      const session = await pool.connect();
      try {
        await session.query('select pg_advisory_lock($1)', [lockId]);
        try {
          return await fn();
        } finally {
          await session.query('select pg_advisory_unlock($1)', [lockId]);
        }
      } finally {
        session.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Applies pending migrations; a no-op when the database is current (safe on every start). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  await database.exclusive(MIGRATION_LOCK_ID, () =>
    migratePg(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
  );
}
