/**
 * `npm start`: builds the admin app if needed, opens the embedded database (or DATABASE_URL),
 * seeds the demo site on first run, listens, and prints where to go and how to authenticate.
 * `npm run dev`: the same server plus Vite's dev server for the admin app.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { and, eq, isNull } from 'drizzle-orm';
import { loadConfig } from './config.ts';
import { createAppContext } from './bootstrap.ts';
import { ADMIN_APP_DIR, buildApp } from './app.ts';
import { seedDemoSite } from './seed/demo-site.ts';
import { createApiKey } from './auth/api-keys.ts';
import { apiKeys } from './db/schema.ts';
import { memberSiteOrigin } from './sites/site-urls.ts';
import type { AppContext } from './context.ts';
import { printStartupLinks } from './startup-links.ts';
import { chooseLogFormat } from './logging/log-format.ts';
import { listenOperatorSocket } from './operator/operator-socket.ts';

const dev = process.argv.includes('--dev');

async function buildAdminAppIfMissing(): Promise<void> {
  if (dev || existsSync(join(ADMIN_APP_DIR, 'index.html'))) return;
  console.log('Building the admin app (first start)…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}

/** A fresh console key on every start (the previous one is revoked), so the printed key always works. */
async function issueConsoleKey(ctx: AppContext, siteId: string): Promise<string> {
  await ctx.db
    .update(apiKeys)
    .set({ revokedAt: ctx.now() })
    .where(and(eq(apiKeys.siteId, siteId), eq(apiKeys.name, 'console (npm start)'), isNull(apiKeys.revokedAt)));
  return (await createApiKey(ctx.db, siteId, 'console (npm start)')).key;
}

async function main(): Promise<void> {
  const config = loadConfig();
  await buildAdminAppIfMissing();
  const ctx = await createAppContext(config);
  const app = await buildApp(ctx, { logger: true, logFormat: chooseLogFormat(config.logFormat, Boolean(process.stdout.isTTY)) });
  const demo = config.seedDemo ? await seedDemoSite(ctx) : null;
  await app.listen({ port: config.port, host: config.host });
  // The CLI can't open the embedded database while we hold it, so it asks us (operator-socket.ts).
  const operatorSocket = ctx.database.driver === 'pglite' ? await listenOperatorSocket(ctx, config.dataDir) : null;

  const lines = [
    '',
    `memberlink is running on the ${ctx.database.driver === 'pglite' ? `embedded database (${config.dataDir})` : 'PostgreSQL database'}`,
    `  Admin app:      ${config.publicUrl.origin}/`,
    `  API reference:  ${config.publicUrl.origin}/api/openapi.json`,
  ];
  if (demo) {
    lines.push(
      `  Demo site:      ${memberSiteOrigin(config, demo.site.subdomain!)}/  (${demo.created ? 'seeded just now' : 'seeded earlier'})`,
      `  API key:        ${await issueConsoleKey(ctx, demo.site.id)}`,
      `                  e.g. curl -H "Authorization: Bearer <key>" ${config.publicUrl.origin}/api/sites/${demo.site.subdomain}`,
    );
    lines.push(...(await printStartupLinks(ctx, demo.site)));
  }
  console.log(lines.join('\n') + '\n');

  if (dev) {
    const vite = spawn('npx', ['vite', '--port', '5173'], { stdio: 'inherit' });
    process.on('exit', () => vite.kill());
  }
  const shutdown = async () => {
    operatorSocket?.close();
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
