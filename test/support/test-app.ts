/**
 * A running memberlink for integration tests: a cloned database of the chosen driver, the real
 * fastify app (driven with inject, or listening on 127.0.0.1 when a test needs real HTTP), and a
 * clock tests can move.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type MemberlinkConfig } from '../../server/config.ts';
import { createAppContext } from '../../server/bootstrap.ts';
import { buildApp } from '../../server/app.ts';
import type { AppContext } from '../../server/context.ts';
import type { DomainEvent } from '../../server/events/event-bus.ts';
import type { Database } from '../../server/db/database.ts';
import { cloneTestDatabase, type TestDriver } from './test-databases.ts';

export const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789abcdef';

export interface TestApp {
  driver: TestDriver;
  app: FastifyInstance;
  ctx: AppContext;
  config: MemberlinkConfig;
  /** Moves the clock the server sees. */
  clock: { now: Date; advance(ms: number): void };
  /** Every domain event published, in order. */
  events: DomainEvent[];
  api(method: InjectOptions['method'], url: string, body?: unknown, key?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** An open database to run on instead of a fresh clone; the caller closes it (restart tests). */
  database?: Database;
}

export async function startTestApp(driver: TestDriver, env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-test-'));
  const config = loadConfig({
    PUBLIC_URL: 'http://localhost:3000',
    MEMBERLINK_API_KEY: BOOTSTRAP_KEY,
    DATA_DIR: dataDir,
    MEMBERLINK_MASTER_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
    CHECK_RESPONSE_SCHEMAS: 'true',
    ...env,
  });
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const database = options.database ?? (await cloneTestDatabase(driver));
  const ctx = await createAppContext(config, {
    database,
    now: () => clock.now,
    onListenerError: (error) => {
      throw error;
    },
  });
  const events: DomainEvent[] = [];
  const record = (event: DomainEvent) => void events.push(event);
  ctx.events.subscribe('offer.access_granted', record);
  ctx.events.subscribe('offer.access_revoked', record);
  const app = await buildApp(ctx);
  await app.ready();
  return {
    driver,
    app,
    ctx,
    config,
    clock,
    events,
    api: (method, url, body, key = BOOTSTRAP_KEY) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { payload: JSON.stringify(body) }),
      }),
    async close() {
      await app.close();
      if (!options.database) await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
