/**
 * Test databases are clones of one migrated template per driver, because creating a PGlite
 * instance and migrating costs seconds: the PGlite template is a data-dir dump on disk, the
 * PostgreSQL template a database; both are named after a hash of the migrations, so they are
 * rebuilt only when the schema changes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase, type Database } from '../../server/db/database.ts';

export type TestDriver = 'pglite' | 'postgres';
/**
 * Every integration suite runs on both. TEST_DRIVERS=pglite narrows that for one run: the mutation
 * run (vitest.mutation.config.ts), whose mutants are in code that issues the same SQL on either.
 */
export const TEST_DRIVERS: TestDriver[] = driversFromEnv(process.env.TEST_DRIVERS);

function driversFromEnv(value: string | undefined): TestDriver[] {
  if (!value) return ['pglite', 'postgres'];
  const named = value.split(',').map((name) => name.trim());
  const unknown = named.filter((name) => name !== 'pglite' && name !== 'postgres');
  if (unknown.length) throw new Error(`TEST_DRIVERS may name pglite and postgres, not ${unknown.join(', ')}`);
  return named as TestDriver[];
}

/** The server CI provides; every integration suite runs against it as well as PGlite. */
export const POSTGRES_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (file.endsWith('.sql')) hash.update(file).update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  hash.update(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 12);
}

const templateName = () => `memberlink_template_${migrationsHash()}`;
const pgliteTemplateFile = () => join(tmpdir(), `${templateName()}.pglite.tar`);

function urlForDatabase(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (${(error as Error).message}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the templates that are missing; run once per test run (vitest globalSetup). */
export async function prepareTemplates(): Promise<void> {
  const file = pgliteTemplateFile();
  if (!existsSync(file)) {
    const database = await openDatabase({ driver: 'pglite' });
    await migrateDatabase(database);
    const dump = await dumpPglite(database);
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
    await database.close();
  }
  const name = templateName();
  await withAdminClient(async (admin) => {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    const building = `${name}_building_${process.pid}`;
    await admin.query(`create database "${building}"`);
    const database = await openDatabase({ driver: 'postgres', url: urlForDatabase(building), poolSize: 2 });
    await migrateDatabase(database);
    await database.close();
    await admin.query(`alter database "${building}" rename to "${name}"`).catch(async (error) => {
      // Another run finished first; its template is as good as ours.
      await admin.query(`drop database if exists "${building}"`);
      if (!/already exists/.test((error as Error).message)) throw error;
    });
  });
}

async function dumpPglite(database: Database): Promise<Buffer> {
  const blob = await database.dumpDataDir!();
  return Buffer.from(await blob.arrayBuffer());
}

/**
 * A fresh, migrated PostgreSQL database (a clone of the template) for a server process the test
 * starts itself (DATABASE_URL); `drop()` removes it, disconnecting whoever is still on it.
 */
export async function createScratchDatabase(prefix = 'memberlink_scratch'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdminClient((admin) => createFromTemplate(admin, name));
  return {
    url: urlForDatabase(name),
    drop: () => withAdminClient(async (admin) => void (await admin.query(`drop database if exists "${name}" with (force)`))),
  };
}

async function createFromTemplate(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${templateName()}"`);
      return;
    } catch (error) {
      // Concurrent clones of one template can collide briefly; a retry succeeds.
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

/** A private, migrated database for one test file. */
export async function cloneTestDatabase(driver: TestDriver): Promise<Database> {
  if (driver === 'pglite') {
    const dump = readFileSync(pgliteTemplateFile());
    return openDatabase({ driver: 'pglite', loadDataDir: new Blob([dump]) });
  }
  const name = `memberlink_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((admin) => createFromTemplate(admin, name));
  const database = await openDatabase({ driver: 'postgres', url: urlForDatabase(name), poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdminClient((admin) => admin.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
