import type { MemberlinkConfig } from './config.ts';
import type { Database, Db } from './db/database.ts';
import type { EventBus } from './events/event-bus.ts';
import type { KeyRing } from './links/key-ring.ts';
import type { MediaStorage } from './media/media-storage.ts';

/** What every domain function needs from the running process; built once in app.ts. */
export interface AppContext {
  config: MemberlinkConfig;
  database: Database;
  db: Db;
  events: EventBus;
  /** Seals the sites' signing secrets at rest (server/links/key-seal.ts). */
  masterKey: Buffer;
  /** Signing keys imported once per process. */
  keyRing: KeyRing;
  /** Uploaded images (server/media): files under DATA_DIR/media by default. */
  media: MediaStorage;
  /** Injected so tests can move time (link expiry, rate-limit windows). */
  now: () => Date;
}
