import { join } from 'node:path';
import type { MemberlinkConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { migrateDatabase, openDatabase, type Database } from './db/database.ts';
import { makePrivate } from './db/private-files.ts';
import { EventBus } from './events/event-bus.ts';
import { loadMasterKey } from './links/key-seal.ts';
import { KeyRing } from './links/key-ring.ts';
import { fileMediaStorage } from './media/file-media-storage.ts';

export interface ContextOptions {
  /** An already-open database (tests pass a cloned template). */
  database?: Database;
  now?: () => Date;
  onListenerError?: (error: unknown) => void;
}

/** Opens the configured database, applies migrations and wires the process-wide services. */
export async function createAppContext(config: MemberlinkConfig, options: ContextOptions = {}): Promise<AppContext> {
  const database =
    options.database ??
    (config.databaseUrl
      ? await openDatabase({ driver: 'postgres', url: config.databaseUrl })
      : await openDatabase({ driver: 'pglite', dataDir: join(config.dataDir, 'pglite') }));
  await migrateDatabase(database);
  const masterKey = loadMasterKey(config, { MEMBERLINK_MASTER_KEY: config.masterKey });
  // DATA_DIR (embedded database, master.key) is private, including directories made before this rule.
  if (!options.database && !config.databaseUrl) makePrivate(config.dataDir);
  return {
    config,
    database,
    db: database.db,
    events: new EventBus(options.onListenerError ?? ((error) => console.error('event listener failed', error))),
    masterKey,
    keyRing: KeyRing.fromDatabase(database.db, masterKey),
    media: fileMediaStorage(join(config.dataDir, 'media')),
    now: options.now ?? (() => new Date()),
  };
}
