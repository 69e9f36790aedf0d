/**
 * Show if… and the unlocked-courses repeat in real Chromium against the real server: built in the
 * composer, previewed for two contacts holding different offers (each sees their own parts and
 * cards, with inert preview links), shown in dark mode, then sent through the outbox where each
 * received email carries only their parts and live links to their own courses.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotBothSizes } from '../support/e2e-browser.ts';
import { afterNextFrames, courseWithPlan, memberHolding, pathOf, previewForContact, signInWithPrintedLink, waitForMessageSent, waitForText, type StaffApi } from '../support/e2e-page.ts';
import type { E2eServer } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

let server: E2eServer;
let page: Page;
let api: StaffApi;
useE2eSuite({}, (suite) => ({ server, page, api } = suite));

describe('membership blocks in the composer', () => {
  it('builds a Show if… and a repeat, previews them for two contacts and sends each their own email', async () => {
    await signInWithPrintedLink(page, server);
    const site = '/api/sites/academy';
    const { courseId: harp, offerId: harpPlan } = await courseWithPlan(api, site, { title: 'Harp for all', description: 'Your first glissando' }, 'Harp plan');
    const { courseId: drums, offerId: drumPlan } = await courseWithPlan(api, site, { title: 'Drum rudiments', description: 'Paradiddles daily' }, 'Drum plan');
    const member = (firstName: string, email: string, offerId: string) => memberHolding(api, site, { firstName, lastName: 'Player', email }, offerId);
    const harper = await member('Harper', 'harper@example.com', harpPlan);
    const drummer = await member('Dana', 'dana@example.com', drumPlan);

    await page.goto(`${server.origin}/templates/new`);
    await page.getByLabel('Template name').fill('Music news');
    await page.getByRole('textbox', { name: 'Subject' }).click();
    await page.keyboard.type('This week in music');
    await page.getByRole('textbox', { name: 'Email body' }).click();
    await page.keyboard.type('Hello everyone.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Harp news: new strings are in.');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Show if…' }).click();
    const rule = page.getByRole('dialog', { name: 'Show if…' });
    await rule.getByLabel('Show the selected blocks to').selectOption('offer');
    await rule.getByLabel('Offer', { exact: true }).selectOption({ label: 'Harp plan' });
    await rule.getByRole('button', { name: 'Apply rule' }).click();
    await page.getByText('Show if the contact holds Harp plan').waitFor();
    await page.keyboard.press('Control+End');
    await page.getByRole('button', { name: 'For each unlocked…' }).click();
    const cards = page.getByRole('dialog', { name: 'For each unlocked…' });
    await cards.getByLabel('Button label').fill('Start learning');
    await cards.getByRole('button', { name: 'Insert cards' }).click();
    await page.getByText('For each unlocked course').waitFor();
    await afterNextFrames(page);

    const preview = page.frameLocator('iframe[title="Email preview"]');
    await previewForContact(page, 'Harper');
    await waitForText(preview, 'Harp news: new strings are in.');
    await waitForText(preview, 'Harp for all');
    // Sample data (every offer) shows first; Harper's own preview has only her course.
    await expect.poll(() => preview.locator('body').innerText(), { timeout: 15_000 }).not.toContain('Drum rudiments');
    expect(await preview.getByRole('link', { name: 'Start learning' }).getAttribute('href')).toBe(`${server.memberOrigin}/courses/${harp}?token=preview`);
    await screenshotBothSizes(page, 'member-blocks-preview-harper', page.getByRole('region', { name: 'Preview' }));

    await previewForContact(page, 'Dana');
    await waitForText(preview, 'Drum rudiments');
    await expect.poll(() => preview.locator('body').innerText(), { timeout: 15_000 }).not.toContain('Harp news');
    expect(await preview.getByRole('link', { name: 'Start learning' }).getAttribute('href')).toBe(`${server.memberOrigin}/courses/${drums}?token=preview`);

    await page.getByRole('button', { name: 'Dark mode' }).click();
    const dark = page.frameLocator('iframe[title="Email preview in dark mode"]');
    await waitForText(dark, 'Drum rudiments');
    await screenshotBothSizes(page, 'member-blocks-preview-dark', page.getByRole('region', { name: 'Preview' }));

    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved · version 1').waitFor();
    const templateId = pathOf(page).split('/').pop();
    const message = await api<{ id: string }>('POST', `${site}/messages`, { templateId, channel: 'email', recipients: { contactIds: [harper, drummer] } });
    expect(await waitForMessageSent(api, `${site}/messages/${message.id}`)).toBe(2);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const token = /\?token=[\w-]+\.[\w-]+\.[\w-]+$/;
    // The two emails were sent concurrently, so either may be the newest (shown first): pick each.
    await page.getByText('harper@example.com').first().click();
    const toHarper = page.frameLocator('iframe[title="Email to harper@example.com"]');
    await waitForText(toHarper, 'Harp news: new strings are in.');
    const harperLink = await toHarper.getByRole('link', { name: 'Start learning' }).getAttribute('href');
    expect(harperLink).toMatch(new RegExp(`^${server.memberOrigin}/courses/${harp}`));
    expect(harperLink).toMatch(token);
    await page.getByText('dana@example.com').first().click();
    const toDana = page.frameLocator('iframe[title="Email to dana@example.com"]');
    await waitForText(toDana, 'Drum rudiments');
    expect(await toDana.locator('body').innerText()).not.toContain('Harp news');
    const danaLink = await toDana.getByRole('link', { name: 'Start learning' }).getAttribute('href');
    expect(danaLink).toMatch(new RegExp(`^${server.memberOrigin}/courses/${drums}`));
    expect(danaLink).toMatch(token);
  }, 180_000);
});
