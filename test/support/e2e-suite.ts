/**
 * The life of one e2e file, registered once: the server and Chromium started together before its
 * tests (optionally signed in as the printed admin link's owner), a full-page screenshot of the page
 * when a test fails (FAILED-<test>.png beside the other screenshots), and everything closed after.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, newContext, SCREENSHOT_DIR } from './e2e-browser.ts';
import { signInWithPrintedLink, staffApi, type StaffApi } from './e2e-page.ts';
import { startE2eServer, type E2eServer, type StartOptions } from './e2e-server.ts';

export interface E2eSuite {
  server: E2eServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The admin API as the page calls it (once signed in). */
  api: StaffApi;
}

export interface E2eSuiteOptions {
  server?: StartOptions;
  /** Sign the page in with the admin link the server printed before the first test. */
  signIn?: boolean;
}

/**
 * Registers the file's hooks; `ready` receives the parts once they run (before the first test), so
 * a file keeps its own short names for them.
 */
export function useE2eSuite(options: E2eSuiteOptions, ready: (suite: E2eSuite) => void): void {
  let suite: Partial<E2eSuite> = {};
  beforeAll(async () => {
    const [server, browser] = await Promise.all([startE2eServer(options.server), launchChromium()]);
    suite = { server, browser };
    const context = await newContext(browser, server.origin);
    const page = await context.newPage();
    suite = { server, browser, context, page };
    if (options.signIn) await signInWithPrintedLink(page, server);
    ready({ server, browser, context, page, api: staffApi(page, server.origin) });
  }, 150_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !suite.page) return;
    const name = `FAILED-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png`;
    await suite.page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true, timeout: 10_000 }).catch(() => undefined);
  });

  afterAll(async () => {
    await suite.context?.close().catch(() => undefined);
    await suite.browser?.close().catch(() => undefined);
    await suite.server?.stop();
  }, 30_000);
}
