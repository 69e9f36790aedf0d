/**
 * Short links in real Chromium against the real server (child process, demo site seeded): an SMS
 * "Hi {first name}, log in: <magic link>" is counted alike by the editor's counter and the preview
 * (one GSM-7 segment: the link counts as the short link it will be), sent, shown in the Outbox with
 * its short link, and the short link logs the member in.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHORT_LINK_CODE_LENGTH } from '../../src/template/index.ts';
import { PREVIEW_SHORT_CODE } from '../../server/links/short-links.ts';
import { screenshotBothSizes, type LayoutProblem } from '../support/e2e-browser.ts';
import { signInWithPrintedLink, waitForFocusIn, waitForText } from '../support/e2e-page.ts';
import type { E2eServer } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

let server: E2eServer;
let context: BrowserContext;
let page: Page;
useE2eSuite({}, (suite) => ({ server, context, page } = suite));
const layout: LayoutProblem[] = [];

describe('short links in Chromium', () => {
  it('counts an SMS alike in the editor and the preview, sends it with a short link, and the short link logs the member in', async () => {
    await signInWithPrintedLink(page, server);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('link', { name: 'New SMS' }).first().click();
    await page.getByLabel('Template name').fill('Log in by text');
    const editor = page.getByRole('textbox', { name: 'SMS message' });
    await editor.click();
    await page.keyboard.type('Hi ');
    await page.getByRole('button', { name: 'Insert field' }).click();
    await page.getByRole('dialog', { name: 'Insert field' }).getByRole('button', { name: /^First name/ }).click();
    await waitForFocusIn(editor);
    await page.keyboard.type(', log in: ');
    await page.getByRole('button', { name: 'Magic link' }).click();
    const magic = page.getByRole('dialog', { name: 'Magic link' });
    await magic.getByLabel('Destination').selectOption({ label: 'Courses' });
    await magic.getByRole('button', { name: 'Insert as URL' }).click();
    await waitForFocusIn(editor);

    await page.getByRole('combobox', { name: 'Preview for a contact' }).fill('Ada');
    await page.getByRole('option', { name: /Ada Lovelace/ }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    const previewText = `Hi Ada, log in: ${server.memberOrigin}/l/${PREVIEW_SHORT_CODE}`;
    await waitForText(preview, previewText);

    // One counter, one number: the editor counts the link at the short link's length, the preview
    // counts the server's text, whose preview link has that same length.
    const expected = `${previewText.length} characters · 1 segment (GSM-7)`;
    await waitForText(page.locator('.ml-sms-count'), expected);
    await waitForText(preview, expected);
    expect(await page.locator('.ml-sms-count').textContent()).toBe(expected);
    expect(await preview.locator('.ml-preview-sms .ml-field-hint').textContent()).toBe(expected);
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved · version 1').waitFor();
    layout.push(...(await screenshotBothSizes(page, 'short-links-01-sms-counter', preview)));

    // The send panel offers the link form, with SMS's default named.
    const form = page.getByLabel('Links look like');
    expect(await form.locator('option:checked').textContent()).toBe('Channel default (short links)');
    await page.getByLabel('Add recipients').fill('Ada');
    await page.getByRole('button', { name: 'Add Ada Lovelace' }).click();
    await page.getByRole('button', { name: 'Send…' }).click();
    await page.getByRole('dialog', { name: 'Send “Log in by text”?' }).getByRole('button', { name: 'Send now' }).click();
    await waitForText(page.getByLabel('Send progress'), '1 sent · 0 skipped · 0 failed');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('button', { name: /\+14155550101/ }).first().click();
    const bubble = page.locator('.sms-bubble');
    await waitForText(bubble, 'Hi Ada, log in:');
    const sent = (await bubble.textContent())!.trim();
    expect(sent).toMatch(new RegExp(`^Hi Ada, log in: ${server.memberOrigin.replace(/[.]/g, '\\.')}/l/[A-Za-z0-9_-]{${SHORT_LINK_CODE_LENGTH}}$`));
    // The message as sent has exactly the length both counters showed.
    expect(sent.length).toBe(previewText.length);
    layout.push(...(await screenshotBothSizes(page, 'short-links-02-outbox-sms', bubble)));

    await context.clearCookies({ domain: 'academy.localhost' });
    const [member] = await Promise.all([context.waitForEvent('page'), bubble.getByRole('link').click()]);
    await member.waitForURL(`${server.memberOrigin}/courses`);
    await waitForText(member, 'Advanced Automations');
    await member.close();
    expect(layout).toEqual([]);
  }, 90_000);
});
