/**
 * Login codes in real Chromium against the real server (child process, demo site seeded, no SMTP
 * so every email lands in the Outbox): on a second "device" (a fresh browser context) a member
 * asks for a link on the plain login page and logs in with the code from the email under
 * "Have a code?"; a staff member does the same on the admin sign-in page. The owner, signed in
 * with the printed link on the first device, reads the codes in the Outbox.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchChromium, newContext, SCREENSHOT_DIR, screenshotBothSizes, type LayoutProblem } from '../support/e2e-browser.ts';
import { newestOutboxEmailText, outboxCountTo, signInWithPrintedLink, waitForText } from '../support/e2e-page.ts';
import { startE2eServer, type E2eServer } from '../support/e2e-server.ts';
import { LOGIN_CODE_IN_EMAIL, loginCodeOf } from '../support/staff-sign-in.ts';
import { DEMO_OWNER_EMAIL } from '../../server/seed/demo-site.ts';

const TEN_MINUTES = 10 * 60_000;

let server: E2eServer;
let browser: Browser;
/** The owner's browser: the admin app with the Outbox. */
let desk: BrowserContext;
let page: Page;
/** The other device: no cookies, no email — only the code typed in. */
let phone: BrowserContext;
let other: Page;
const layout: LayoutProblem[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer({ clockStepMs: TEN_MINUTES }), launchChromium()]);
  desk = await newContext(browser, server.origin);
  page = await desk.newPage();
  await signInWithPrintedLink(page, server);
}, 150_000);

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  for (const [label, target] of [['desk', page], ['other', other]] as const) {
    await target
      ?.screenshot({ path: join(SCREENSHOT_DIR, `FAILED-${label}-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true, timeout: 10_000 })
      .catch(() => undefined);
  }
});

afterAll(async () => {
  await phone?.close().catch(() => undefined);
  await desk?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.stop();
}, 30_000);

async function freshDevice(origin: string): Promise<Page> {
  await phone?.close();
  phone = await newContext(browser, origin);
  other = await phone.newPage();
  return other;
}

describe('login codes in Chromium', () => {
  it('a member asks for a link on the plain login page and logs in on another device with the code', async () => {
    const member = 'ada@example.com';
    const before = await outboxCountTo(page, member);
    const device = await freshDevice(server.memberOrigin);
    await device.goto(`${server.memberOrigin}/`);
    await device.getByRole('heading', { level: 1, name: /^Log in to / }).waitFor();
    await device.getByLabel('Email address', { exact: true }).first().fill(member);
    await device.getByRole('button', { name: 'Email me a login link' }).click();
    await device.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    layout.push(...(await screenshotBothSizes(device, 'login-codes-01-member-check-your-email')));

    const code = loginCodeOf(await newestOutboxEmailText(page, member, before, LOGIN_CODE_IN_EMAIL));
    await device.getByLabel('The 6-digit code from your login email').fill(code);
    await device.getByRole('button', { name: 'Log in with the code' }).click();
    await device.waitForURL(`${server.memberOrigin}/`);
    await device.getByRole('heading', { level: 1, name: 'Welcome, Ada!' }).waitFor();
    const cookies = await phone.cookies(server.memberOrigin);
    expect(cookies.find((c) => c.name === 'ml_member')?.httpOnly).toBe(true);
  }, 90_000);

  it('a staff member asks for a sign-in link on the admin sign-in page and signs in on another device with the code', async () => {
    const before = await outboxCountTo(page, DEMO_OWNER_EMAIL);
    const device = await freshDevice(server.origin);
    await device.goto(`${server.origin}/login`);
    await device.getByLabel('Work email').fill(DEMO_OWNER_EMAIL);
    await device.getByRole('button', { name: 'Email me a sign-in link' }).click();
    const status = device.getByRole('status');
    await waitForText(status, 'Check your email');
    await status.getByRole('form', { name: 'Have a code?' }).waitFor();

    layout.push(...(await screenshotBothSizes(device, 'login-codes-02-staff-check-your-email')));
    // A wrong code first: the field says so, and the page stays put.
    const code = loginCodeOf(await newestOutboxEmailText(page, DEMO_OWNER_EMAIL, before, LOGIN_CODE_IN_EMAIL));
    const field = device.getByLabel('6-digit code from the email');
    await field.fill(code === '000000' ? '111111' : '000000');
    await device.getByRole('button', { name: 'Sign in with the code' }).click();
    await waitForText(status, "That code didn't work");
    layout.push(...(await screenshotBothSizes(device, 'login-codes-02-staff-code-refused')));

    await field.fill(code);
    await device.getByRole('button', { name: 'Sign in with the code' }).click();
    await device.waitForURL(`${server.origin}/site`);
    await device.getByRole('navigation', { name: 'Main' }).waitFor();
    const cookies = await phone.cookies(server.origin);
    expect(cookies.find((c) => c.name === 'ml_staff')?.httpOnly).toBe(true);
  }, 90_000);

  it('the server-rendered staff pages take the code too: "email me a new sign-in link" from an unusable link, then the code', async () => {
    const before = await outboxCountTo(page, DEMO_OWNER_EMAIL);
    const device = await freshDevice(server.origin);
    await device.goto(`${server.origin}/login?token=not-a-link`);
    await device.getByRole('heading', { level: 1, name: "This sign-in link can't be used" }).waitFor();
    await device.getByLabel('Your staff email address').fill(DEMO_OWNER_EMAIL);
    await device.getByRole('button', { name: 'Email me a new sign-in link' }).click();
    await device.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await device.getByText('Have a code?').click();
    layout.push(...(await screenshotBothSizes(device, 'login-codes-04-staff-page-check-your-email')));
    const code = loginCodeOf(await newestOutboxEmailText(page, DEMO_OWNER_EMAIL, before, LOGIN_CODE_IN_EMAIL));
    await device.getByLabel('Email address').fill(DEMO_OWNER_EMAIL);
    await device.getByLabel('The 6-digit code from your login email').fill(code);
    await device.getByRole('button', { name: 'Log in with the code' }).click();
    await device.waitForURL(`${server.origin}/site`);
    await device.getByRole('navigation', { name: 'Main' }).waitFor();
  }, 90_000);

  it('the expired page takes a code; "send me a new link" brings a new code that logs in', async () => {
    // Learner links last 5 minutes; the server's clock then moves 10 minutes on (link and code expire).
    const patched = await page.request.fetch(`${server.origin}/api/sites/academy`, {
      method: 'PATCH',
      data: { linkPolicy: { learnerLinkTtlSeconds: 300 } },
      headers: { origin: server.origin },
    });
    expect(patched.status()).toBe(200);
    const member = 'grace@example.com';
    const before = await outboxCountTo(page, member);
    const device = await freshDevice(server.memberOrigin);
    await device.goto(`${server.memberOrigin}/`);
    await device.getByLabel('Email address', { exact: true }).first().fill(member);
    await device.getByRole('button', { name: 'Email me a login link' }).click();
    const oldCode = loginCodeOf(await newestOutboxEmailText(page, member, before, LOGIN_CODE_IN_EMAIL));
    const link = await page.frameLocator(`iframe[title="Email to ${member}"]`).getByRole('link', { name: 'Log in' }).getAttribute('href');
    await server.advanceClock();

    await device.goto(link!);
    await device.getByRole('heading', { level: 1, name: 'This link has expired' }).waitFor();
    await device.getByText('Have a code?').click();
    layout.push(...(await screenshotBothSizes(device, 'login-codes-03-member-expired')));
    // The old code expired with its link.
    await device.getByLabel('Email address').fill(member);
    await device.getByLabel('The 6-digit code from your login email').fill(oldCode);
    await device.getByRole('button', { name: 'Log in with the code' }).click();
    await device.getByRole('heading', { level: 1, name: "That code didn't work" }).waitFor();

    const resent = await outboxCountTo(page, member);
    await device.goto(link!);
    await device.getByRole('button', { name: 'Send me a new link' }).click();
    await device.getByRole('heading', { level: 1, name: 'A new link is on its way' }).waitFor();
    const code = loginCodeOf(await newestOutboxEmailText(page, member, resent, LOGIN_CODE_IN_EMAIL));
    expect(code).not.toBe(oldCode);
    await device.getByLabel('The 6-digit code from your login email').fill(code);
    await device.getByRole('button', { name: 'Log in with the code' }).click();
    await device.getByRole('heading', { level: 1, name: 'Welcome, Grace!' }).waitFor();
    expect(layout).toEqual([]);
  }, 90_000);
});
