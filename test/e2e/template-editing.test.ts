/**
 * The template editor in real Chromium against the real server: a save the server refuses shows
 * each problem beside its field and block in words (no paths), a selected button's settings
 * open in the composer's own bubble menu next to the button, inside the viewport at both sizes, and
 * the `/` menu inserts a block and the toolbar aligns and colours text (fitting a phone; the colour
 * takes its dark twin in the dark preview), the `/` menu follows the page as it scrolls, and
 * the templates list searches, duplicates and deletes (refused, naming the workflow, while one sends it).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOT_DIR, screenshotBothSizes, type LayoutProblem } from '../support/e2e-browser.ts';
import { afterNextFrames, waitForFocusIn } from '../support/e2e-page.ts';
import type { E2eServer } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

let server: E2eServer;
let page: Page;
useE2eSuite({ signIn: true }, (suite) => ({ server, page } = suite));
const layout: LayoutProblem[] = [];


describe('the template editor in Chromium', () => {
  it('shows a refused save’s problems beside the subject and the image, in words', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('link', { name: 'New email' }).first().click();
    await page.getByLabel('Template name').fill('Logo news');
    const body = page.getByRole('textbox', { name: 'Email body' });
    await body.click();
    await page.keyboard.type('Our new logo:');
    // An image as an older tool stored it: its address is not a web address.
    await body.evaluate((element) => {
      const editor = (element as HTMLElement & { editor: { commands: { insertContent: (content: unknown) => boolean } } }).editor;
      editor.commands.insertContent({ type: 'image', attrs: { src: 'ftp://files.example/logo.png', alt: 'Logo' } });
    });
    await page.getByRole('button', { name: 'Save template' }).click();

    await page.getByText('This template can’t be saved yet: fix the 2 problems marked in the message below.').waitFor();
    const subjectError = page.locator('.ml-field').filter({ hasText: 'Subject' }).getByText('Add a subject');
    await subjectError.waitFor();
    const imageNote = body.locator('.ml-image-block + .ml-issue');
    expect(await imageNote.textContent()).toBe('This image needs an https address (https://…)');
    expect(await page.locator('main').textContent()).not.toMatch(/content\.|body\.|attrs\.|\[\d+\]/);
    layout.push(...(await screenshotBothSizes(page, 'template-issues', imageNote)));

    await page.getByRole('textbox', { name: 'Subject' }).click();
    await page.keyboard.type('New logo');
    await expect.poll(() => subjectError.count()).toBe(0);
  });

  it('opens a selected button’s settings next to it, inside the viewport at both sizes', async () => {
    const body = page.getByRole('textbox', { name: 'Email body' });
    await body.click();
    await page.keyboard.press('Control+End');
    await page.getByRole('button', { name: 'Magic link' }).click();
    await page.getByRole('dialog', { name: 'Magic link' }).getByRole('button', { name: 'Insert as button' }).click();
    await waitForFocusIn(body);
    await body.locator('.ml-button').click();
    const settings = page.getByRole('dialog', { name: 'Button settings' });
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await body.locator('.ml-button').scrollIntoViewIfNeeded();
      await body.locator('.ml-button').click();
      await settings.waitFor();
      await afterNextFrames(page);
      const menu = (await settings.boundingBox())!;
      const button = (await body.locator('.ml-button').boundingBox())!;
      expect(menu.x).toBeGreaterThanOrEqual(0);
      expect(menu.x + menu.width).toBeLessThanOrEqual(size.width);
      // Just above the button, or just below it when there is no room above.
      const gap = menu.y + menu.height <= button.y ? button.y - (menu.y + menu.height) : menu.y - (button.y + button.height);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(24);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `button-bubble-${size.width}x${size.height}.png`) });
    }
    await page.setViewportSize(DESKTOP);
    expect(layout).toEqual([]);
  });

  it('inserts a heading from the / menu, centres it and colours a word, with the toolbar fitting a phone', async () => {
    await page.goto(`${server.origin}/templates`);
    await page.getByRole('link', { name: 'New email' }).first().click();
    // The first test's refused new email is kept as a draft: start from an empty message.
    const discard = page.getByRole('button', { name: 'Discard' });
    if (await discard.waitFor({ timeout: 3_000 }).then(() => true, () => false)) await discard.click();
    await page.getByLabel('Template name').fill('Text tools');
    const body = page.getByRole('textbox', { name: 'Email body' });
    await body.click();
    await page.keyboard.type('Spring news');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/head');
    const blocks = page.getByRole('listbox', { name: 'Insert block' });
    await expect.poll(() => blocks.getByRole('option').count()).toBe(2);
    layout.push(...(await screenshotBothSizes(page, 'slash-menu', blocks)));
    await page.keyboard.press('Enter');
    await blocks.waitFor({ state: 'detached' });
    await page.keyboard.type('Welcome to spring');
    await page.getByRole('button', { name: 'Align centre' }).click();
    expect(await body.locator('h1').evaluate((heading) => getComputedStyle(heading).textAlign)).toBe('center');

    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.getByRole('button', { name: 'Text colour' }).click();
    const palette = page.getByRole('dialog', { name: 'Text colour' });
    layout.push(...(await screenshotBothSizes(page, 'colour-menu', palette)));
    await palette.getByRole('button', { name: 'Text colour: Green' }).click();
    expect(await body.locator('h1 span[data-text-color]').textContent()).toBe('spring');
    expect(await body.locator('h1 span[data-text-color]').evaluate((span) => getComputedStyle(span).color)).toBe('rgb(21, 128, 61)');
    layout.push(...(await screenshotBothSizes(page, 'text-tools', body)));
    // In the dark preview the green word takes the palette's dark twin, readable on the dark card.
    await page.getByRole('textbox', { name: 'Subject' }).click();
    await page.keyboard.type('Spring');
    await page.getByRole('button', { name: 'Dark mode' }).click();
    const darkGreen = page.frameLocator('iframe[title="Email preview in dark mode"]').locator('h1 .ml-text-color--green');
    await expect.poll(() => darkGreen.textContent(), { timeout: 15_000 }).toBe('spring');
    expect(await darkGreen.evaluate((span) => getComputedStyle(span).color)).toBe('rgb(74, 222, 128)');
    layout.push(...(await screenshotBothSizes(page, 'text-tools-dark-preview', page.getByRole('region', { name: 'Preview' }))));

    // The heading moves above the paragraph: with the keys, back with them, then by its drag handle.
    // The two blocks written here (an empty trailing paragraph keeps a place to type after a last heading).
    const order = () =>
      body.locator(':scope > *').evaluateAll((blocks) => blocks.filter((block) => block.tagName === 'H1' || block.textContent === 'Spring news').map((block) => block.tagName));
    await body.locator('h1').click();
    await page.keyboard.press('Control+Shift+ArrowUp');
    await expect.poll(order).toEqual(['H1', 'P']);
    await page.keyboard.press('Control+Shift+ArrowDown');
    await expect.poll(order).toEqual(['P', 'H1']);
    await body.locator('h1').hover();
    const handle = page.locator('.ml-drag-handle');
    await handle.waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'drag-handle-1280x800.png') });
    await handle.dragTo(body.locator('p').first(), { targetPosition: { x: 20, y: 2 } });
    await expect.poll(order).toEqual(['H1', 'P']);
    expect(layout).toEqual([]);
  });

  it('keeps the / menu under the typed text while the page scrolls, and closes it once the text scrolls away', async () => {
    await page.setViewportSize(DESKTOP);
    const body = page.getByRole('textbox', { name: 'Email body' });
    await body.click();
    await page.keyboard.press('Control+End');
    // The editor reads the moved selection before Enter acts on it.
    await afterNextFrames(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('/');
    const blocks = page.getByRole('listbox', { name: 'Insert block' });
    await blocks.waitFor();
    const typed = body.locator('[data-decoration-id]');
    const popover = page.locator('.ml-popover').filter({ has: blocks });
    // The menu's top edge sits 4px under the typed "/": before and after each scroll.
    const gapUnderTyped = async () => (await popover.boundingBox())!.y - ((await typed.boundingBox())!.y + (await typed.boundingBox())!.height);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(gapUnderTyped).toBeCloseTo(4, 0);
    const before = (await typed.boundingBox())!.y;

    await page.evaluate(() => window.scrollBy(0, 200));
    await expect.poll(async () => (await typed.boundingBox())!.y).toBeCloseTo(before - 200, 0);
    await expect.poll(gapUnderTyped).toBeCloseTo(4, 0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'slash-menu-scrolled-1280x800.png') });

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await blocks.waitFor({ state: 'detached' });
    // Closed for good: keys go to the text again, the "/" stays.
    expect(await typed.count()).toBe(0);
    expect(await body.locator('p').filter({ hasText: /^\/$/ }).count()).toBe(1);
    await page.keyboard.press('Backspace');
    await expect.poll(() => body.locator('p').filter({ hasText: /^\/$/ }).count()).toBe(0);
  });

  it('searches, duplicates and deletes templates from the list; a template a workflow sends is not deleted', async () => {
    const api = async (method: 'GET' | 'POST', path: string, data?: unknown) => {
      const response = await page.request.fetch(`${server.origin}/api/sites/academy${path}`, { method, data, headers: { origin: server.origin } });
      expect(response.ok(), await response.text()).toBe(true);
      return response.json();
    };
    const email = (subject: string) => ({ subject, previewText: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: subject }] }] } });
    await api('POST', '/templates', { name: 'Spring newsletter', channel: 'email', content: email('Spring is here') });
    const welcome = await api('POST', '/templates', { name: 'Welcome email', channel: 'email', content: email('Welcome') });
    const [offer] = (await api('GET', '/offers')).offers;
    await api('POST', '/workflows', { name: 'Piano welcome', trigger: { type: 'offer_access_granted', offerIds: [offer.id] }, actions: [{ type: 'send_email', templateId: welcome.id }] });

    await page.goto(`${server.origin}/templates`);
    const list = page.getByRole('list', { name: 'Templates' });
    await list.getByText('Welcome email').waitFor();
    layout.push(...(await screenshotBothSizes(page, 'templates-list')));

    const search = page.getByRole('searchbox', { name: 'Search templates' });
    await search.fill('NEWS');
    await expect.poll(() => list.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Spring newsletter')]);
    await search.fill('');
    await list.getByText('Welcome email').waitFor();

    await page.getByRole('button', { name: 'Duplicate Spring newsletter' }).click();
    await list.getByText('Spring newsletter (copy)').waitFor();

    await page.getByRole('button', { name: 'Delete Welcome email' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Welcome email”?' });
    await confirm.getByRole('button', { name: 'Delete template' }).click();
    await confirm.getByRole('alert').getByText('“Welcome email” is sent by the workflow “Piano welcome”: remove it from that workflow first').waitFor();
    layout.push(...(await screenshotBothSizes(page, 'templates-delete-refused')));
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await list.getByText('Welcome email').count()).toBe(1);

    await page.getByRole('button', { name: 'Delete Spring newsletter (copy)' }).click();
    await page.getByRole('dialog', { name: 'Delete “Spring newsletter (copy)”?' }).getByRole('button', { name: 'Delete template' }).click();
    await expect.poll(() => list.getByText('Spring newsletter (copy)').count()).toBe(0);
    expect(layout).toEqual([]);
  });
});
