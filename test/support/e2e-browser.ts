/**
 * Chromium for the e2e suite (whichever chromium-binary.ts finds) driven by playwright-core, a fresh
 * profile, *.localhost mapped to 127.0.0.1 (member sites), nothing that phones home. Screenshots
 * go to test-artifacts/screenshots at 1280×800 and 390×844.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ROOT } from './e2e-server.ts';
import { findChromium } from './chromium-binary.ts';
export const SCREENSHOT_DIR = join(ROOT, 'test-artifacts', 'screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: (await findChromium()).path,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-proxy-server',
      '--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1',
    ],
  });
}

export async function newContext(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'UTC' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

export interface LayoutProblem {
  viewport: string;
  problem: string;
}

/** Things a person would see as broken: the page scrolls sideways, or text spills out of its box. */
async function layoutProblems(page: Page, viewport: string): Promise<LayoutProblem[]> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push(`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    for (const element of document.querySelectorAll<HTMLElement>('nav a, main button, main a.button, main .badge, main .field-label, main h1, main h2')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.right > root.clientWidth + 1) found.push(`${element.tagName.toLowerCase()} “${element.textContent?.trim().slice(0, 40)}” ends at ${Math.round(box.right)}px`);
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflow === 'visible' && element.tagName !== 'A') {
        found.push(`${element.tagName.toLowerCase()} “${element.textContent?.trim().slice(0, 40)}” overflows its box`);
      }
    }
    return found;
  });
  return problems.map((problem) => ({ viewport, problem }));
}

/**
 * A full-page screenshot at desktop and phone sizes, named `<name>-1280x800.png` and
 * `<name>-390x844.png`; returns the layout problems found at either size.
 *
 * Chromium does not paint sandboxed (cross-origin) frames that are outside the viewport, so a
 * full-page shot shows them blank; `detail` (e.g. an email preview) is also shot scrolled into
 * view, as `<name>-detail-<size>.png`.
 */
export async function screenshotBothSizes(page: Page, name: string, detail?: Locator): Promise<LayoutProblem[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const problems: LayoutProblem[] = [];
  for (const size of [DESKTOP, PHONE]) {
    const label = `${size.width}x${size.height}`;
    await page.setViewportSize(size);
    // From the top, so the sticky header sits where a person sees it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // Email frames lay out on their own after a resize.
    await page.waitForTimeout(250);
    problems.push(...(await layoutProblems(page, label)));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: true, timeout: 15_000 });
    if (detail) {
      await detail.scrollIntoViewIfNeeded();
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-detail-${label}.png`), timeout: 15_000 });
    }
  }
  await page.setViewportSize(DESKTOP);
  return problems;
}
