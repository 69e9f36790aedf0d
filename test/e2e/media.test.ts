/**
 * Images and social links in real Chromium against the real server: a picture uploaded from the
 * Image menu's file picker and another dropped into the body are stored by memberlink and shown from
 * /media in the editor and the preview; the social row's icons load from memberlink too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotBothSizes } from '../support/e2e-browser.ts';
import { bannerPng } from '../support/e2e-images.ts';
import { afterNextFrames } from '../support/e2e-page.ts';
import type { E2eServer } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

let server: E2eServer;
let page: Page;
useE2eSuite({}, (suite) => ({ server, page } = suite));

const loaded = (page: Page, selector: string) =>
  page.waitForFunction((css) => [...document.querySelectorAll<HTMLImageElement>(css)].some((img) => img.complete && img.naturalWidth > 0), selector);


describe('images and social links in the composer', () => {
  it('uploads a picked and a dropped image, adds social links, and previews them from memberlink', async () => {
    const shoot = async (name: string, detail?: Parameters<typeof screenshotBothSizes>[2]) =>
      expect(await screenshotBothSizes(page, `media-${name}`, detail)).toEqual([]);
    await page.goto(server.adminLoginUrl);
    await page.getByRole('button', { name: /^Sign in to .+ admin$/ }).click();
    await page.waitForURL(`${server.origin}/site`);

    await page.goto(`${server.origin}/templates/new`);
    await page.getByLabel('Template name').fill('Studio news');
    await page.getByRole('textbox', { name: 'Subject' }).click();
    await page.keyboard.type('Our new studio');
    await page.getByRole('textbox', { name: 'Email body' }).click();
    await page.keyboard.type('We moved. Come and see:');

    await page.getByRole('button', { name: 'Image' }).click();
    const menu = page.getByRole('dialog', { name: 'Image' });
    await menu.getByLabel('Choose an image file').setInputFiles({ name: 'studio.png', mimeType: 'image/png', buffer: await bannerPng(page, 'The new studio', '#2563eb') });
    const address = menu.getByRole('textbox', { name: 'Image address' });
    await page.waitForFunction(
      (origin) => (document.querySelector<HTMLInputElement>('.ml-image-form input[inputmode="url"]')?.value ?? '').startsWith(`${origin}/media/`),
      server.origin,
    );
    const src = await address.inputValue();
    expect(src).toMatch(/\/media\/[0-9a-f]{64}\.png$/);
    await menu.getByRole('textbox', { name: 'Description (alt text)' }).fill('The new studio, seen from the door');
    await menu.getByRole('textbox', { name: 'Width (px)' }).fill('480');
    await menu.getByLabel('Or link to a magic link').selectOption({ label: 'Magic link: courses' });
    await shoot('01-image-menu');
    await menu.getByRole('button', { name: 'Insert image' }).click();
    await loaded(page, '.ml-image-block img');

    await page.getByRole('button', { name: 'Social links' }).click();
    const social = page.getByRole('dialog', { name: 'Social links' });
    await social.getByRole('textbox', { name: 'Instagram' }).fill('https://instagram.com/academy');
    await social.getByRole('textbox', { name: 'YouTube' }).fill('https://youtube.com/@academy');
    await social.getByRole('textbox', { name: 'LinkedIn' }).fill('https://linkedin.com/company/academy');
    await shoot('02-social-menu');
    await social.getByRole('button', { name: 'Insert social links' }).click();
    await loaded(page, '.ml-social-icon');
    // One centred row in the editor, as in the email.
    const icons = await page.locator('.ml-social-icon').evaluateAll((all) => all.map((icon) => icon.getBoundingClientRect()));
    expect(new Set(icons.map((icon) => Math.round(icon.top))).size).toBe(1);
    const row = (await page.locator('.ml-social-block').boundingBox())!;
    expect(Math.abs((icons[0].left + icons.at(-1)!.right) / 2 - (row.x + row.width / 2))).toBeLessThan(2);
    await afterNextFrames(page);

    // Previewed from memberlink: the uploaded image and the shipped icons, loaded.
    const preview = page.frameLocator('iframe[title="Email preview"]');
    await preview.locator(`img[src="${src}"]`).waitFor();
    await preview.locator(`img[src="${server.origin}/media/social/instagram.png"]`).waitFor();
    const previewFrame = page.frames().find((frame) => frame !== page.mainFrame())!;
    await previewFrame.waitForFunction(() => [...document.images].filter((img) => img.src.includes('/media/')).every((img) => img.complete && img.naturalWidth > 0));
    await shoot('03-composer', page.getByRole('region', { name: 'Preview' }));

    // A file dropped into the body (a real DataTransfer in the page) is uploaded and inserted too.
    const dropped = await bannerPng(page, 'Opening day', '#b45309');
    await page.getByRole('textbox', { name: 'Email body' }).evaluate((editor, bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'opening.png', { type: 'image/png' }));
      const box = editor.getBoundingClientRect();
      editor.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: box.left + 20, clientY: box.top + 10 }));
    }, [...dropped]);
    await page.getByText('Needs a description: select it, then Image').waitFor();
    expect(await page.locator('.ml-image-block img').count()).toBe(2);
    expect(await page.locator('.ml-social-icon').count()).toBe(3);
    // Still without its description, it is previewed all the same: a send, not a preview, needs one.
    await previewFrame.waitForFunction(() => [...document.images].filter((img) => /\/media\/[0-9a-f]{64}\.png$/.test(img.src)).length === 2);
  }, 180_000);
});
