/**
 * The public example with every block (examples/documents/every-block.json), built in real Chromium
 * through the composer's own toolbar, `/` menu, `{{` picker and dialogs, saved as the same document
 * (ids that differ per run aside), previewed for two contacts holding different offers (and one with
 * none, for the "no offer" part), then sent to the two through the outbox, where each received email
 * carries only their parts and their own course.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DocNode, EmailContent } from '../../src/template/index.ts';
import { DESKTOP, screenshotBothSizes } from '../support/e2e-browser.ts';
import { bannerPng } from '../support/e2e-images.ts';
import { afterNextFrames, courseWithPlan, memberHolding, pathOf, previewForContact, selectTextIn, signInWithPrintedLink, waitForFocusIn, waitForMessageSent, waitForText, type StaffApi } from '../support/e2e-page.ts';
import type { E2eServer } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

const EXAMPLE = JSON.parse(readFileSync('examples/documents/every-block.json', 'utf8')) as EmailContent;

let server: E2eServer;
let page: Page;
let api: StaffApi;
useE2eSuite({}, (suite) => ({ server, page, api } = suite));

const withoutNulls = (attrs: Record<string, unknown> = {}) => Object.fromEntries(Object.entries(attrs).filter(([, value]) => value !== null));

/**
 * A document with what differs per run left out: the offer a Show if… names and the uploaded
 * image's address (this run's ids), attributes left at null, and the empty paragraph the editor keeps
 * after a last block so there is a place to type.
 */
function comparable(node: DocNode): unknown {
  const attrs = Object.fromEntries(
    Object.entries(withoutNulls(node.attrs)).filter(([name]) => !(node.type === 'showIf' && name === 'offerId') && !(node.type === 'image' && name === 'src')),
  );
  const content = (node.content ?? []).filter((child) => !(child.type === 'paragraph' && !child.content?.length)).map(comparable);
  return {
    type: node.type,
    ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
    ...(node.text !== undefined ? { text: node.text } : {}),
    ...(node.marks ? { marks: node.marks.map((mark) => (mark.attrs ? { ...mark, attrs: withoutNulls(mark.attrs) } : mark)) } : {}),
    ...(content.length > 0 ? { content } : {}),
  };
}

/** Waits for focus back in the editor and for Tiptap's deferred refocus (which restores its selection) to land. */
async function backInEditor(body: Locator): Promise<void> {
  await waitForFocusIn(body);
  await afterNextFrames(page);
}

/** Moves the caret to the end of the body; the editor reads the moved selection before the next key. */
async function caretToEnd(): Promise<void> {
  await page.keyboard.press('Control+End');
  await afterNextFrames(page);
}

/** Opens the toolbar menu `name` and returns its dialog. */
async function toolbarMenu(name: string): Promise<Locator> {
  await page.getByRole('button', { name, exact: true }).click();
  return page.getByRole('dialog', { name });
}

/** Runs `/query` at the caret and chooses the only matching block. */
async function slash(body: Locator, query: string, label: string): Promise<void> {
  await page.keyboard.type(`/${query}`);
  const blocks = page.getByRole('listbox', { name: 'Insert block' });
  await expect.poll(() => blocks.getByRole('option').first().textContent()).toContain(label);
  await page.keyboard.press('Enter');
  await blocks.waitFor({ state: 'detached' });
  await backInEditor(body);
}

/** Selects `button` and gives it `newLabel` and the example's blue in its settings. */
async function relabelButton(body: Locator, button: Locator, newLabel: string): Promise<void> {
  await button.click();
  const settings = page.getByRole('dialog', { name: 'Button settings' });
  await settings.getByLabel('Label').fill(newLabel);
  await settings.getByLabel('Background').fill('#2563eb');
  await settings.getByRole('button', { name: 'Apply' }).click();
  await body.locator('.ml-button', { hasText: newLabel }).waitFor();
  await backInEditor(body);
}

/** Puts the paragraph holding `text` behind a Show if… rule chosen with `choose`. */
async function showIf(body: Locator, text: string, choose: (rule: Locator) => Promise<void>, label: string): Promise<void> {
  await selectTextIn(body, text);
  const rule = await toolbarMenu('Show if…');
  await choose(rule);
  await rule.getByRole('button', { name: 'Apply rule' }).click();
  await body.getByText(label).waitFor();
  await backInEditor(body);
}

describe('the every-block example, built in the composer', () => {
  it('builds every block through the UI, saves the example document, previews and sends each contact their own email', async () => {
    await signInWithPrintedLink(page, server);
    const site = '/api/sites/academy';
    const { courseId: recitals, offerId: recitalPlan } = await courseWithPlan(api, site, { title: 'Recital pieces', description: 'Three pieces for the stage' }, 'Recital plan');
    const { courseId: theory, offerId: theoryPlan } = await courseWithPlan(api, site, { title: 'Harmony basics', description: 'Chords and why they work' }, 'Theory plan');
    const member = (firstName: string, email: string, offerId: string, plan: string) =>
      memberHolding(api, site, { firstName, lastName: 'Reed', email, customFields: { plan } }, offerId);
    const rosa = await member('Rosa', 'rosa@example.com', recitalPlan, 'Gold');
    const theo = await member('Theo', 'theo@example.com', theoryPlan, 'Silver');
    // No offer at all: the one the "no offer" part is for.
    await api('POST', `${site}/contacts`, { firstName: 'Nell', lastName: 'Reed', email: 'nell@example.com' });

    await page.goto(`${server.origin}/templates/new`);
    await page.getByLabel('Template name').fill('Every block');
    // Subject and preview text, with the site's title and the first name (fallback "friend") as fields.
    const subject = page.getByRole('textbox', { name: 'Subject' });
    await subject.click();
    await page.keyboard.type('This week at {{site.ti');
    await page.getByRole('listbox', { name: 'Insert field' }).getByRole('option', { name: /Site title/ }).click();
    await page.keyboard.type(', {{first');
    await page.getByRole('listbox', { name: 'Insert field' }).getByRole('option', { name: /First name/ }).click();
    await subject.locator('.ml-merge-field').last().click();
    const subjectFallback = page.getByRole('dialog', { name: 'Field fallback' });
    await subjectFallback.getByRole('textbox').fill('friend');
    await subjectFallback.getByRole('button', { name: 'Set fallback' }).click();
    await page.getByRole('textbox', { name: 'Preview text' }).click();
    await page.keyboard.type(EXAMPLE.previewText);
    const body = page.getByRole('textbox', { name: 'Email body' });
    await body.click();

    // Heading, centred, with a first-name field and its fallback.
    await page.getByRole('button', { name: 'Heading 1' }).click();
    await page.getByRole('button', { name: 'Align centre' }).click();
    await page.keyboard.type('Hello {{first');
    await page.getByRole('listbox', { name: 'Insert field' }).getByRole('option', { name: /First name/ }).click();
    await body.locator('.ml-merge-field').click();
    const fallback = page.getByRole('dialog', { name: 'Field fallback' });
    await fallback.getByRole('textbox').fill('there');
    await fallback.getByRole('button', { name: 'Set fallback' }).click();
    await backInEditor(body);

    // A paragraph with a hard break, then its marks on chosen words.
    await caretToEnd();
    await page.keyboard.type('Here is what is new — in colour, highlighted and the full programme.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('See you soon.');
    await selectTextIn(body, 'what is new');
    await page.keyboard.press('Control+B');
    await selectTextIn(body, 'in colour');
    await (await toolbarMenu('Text colour')).getByRole('button', { name: 'Text colour: Green' }).click();
    await backInEditor(body);
    await selectTextIn(body, ', highlighted');
    await (await toolbarMenu('Highlight')).getByRole('button', { name: 'Highlight: Yellow' }).click();
    await backInEditor(body);
    await selectTextIn(body, 'the full programme');
    const link = await toolbarMenu('Link');
    await link.getByRole('textbox', { name: 'Link address' }).fill('https://example.com/programme');
    await link.getByRole('button', { name: 'Apply link' }).click();
    await backInEditor(body);

    // Lists, quote and code: each left with Enter on an empty line.
    await caretToEnd();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Bulleted list' }).click();
    await page.keyboard.type('New lessons every Monday');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Numbered list' }).click();
    await page.keyboard.type('Log in');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await slash(body, 'quote', 'Quote');
    await page.keyboard.type('The best course I have taken.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await slash(body, 'code', 'Code block');
    await page.keyboard.type('C  D  E  F  G');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Divider' }).click();
    await backInEditor(body);

    // An uploaded image linked to the courses magic link, social links and a magic-link button.
    const image = await toolbarMenu('Image');
    await image.getByLabel('Choose an image file').setInputFiles({ name: 'recital.png', mimeType: 'image/png', buffer: await bannerPng(page, 'The recital hall', '#7e22ce') });
    await page.waitForFunction((origin) => (document.querySelector<HTMLInputElement>('.ml-image-form input[inputmode="url"]')?.value ?? '').startsWith(`${origin}/media/`), server.origin);
    await image.getByRole('textbox', { name: 'Description (alt text)' }).fill('The recital hall');
    await image.getByRole('textbox', { name: 'Width (px)' }).fill('480');
    await image.getByLabel('Or link to a magic link').selectOption({ label: 'Magic link: courses' });
    await image.getByRole('button', { name: 'Insert image' }).click();
    await body.locator('.ml-image-block img').waitFor();
    await backInEditor(body);
    const social = await toolbarMenu('Social links');
    await social.getByRole('textbox', { name: 'Instagram' }).fill('https://instagram.com/recitalacademy');
    await social.getByRole('textbox', { name: 'YouTube' }).fill('https://www.youtube.com/@recitalacademy');
    await social.getByRole('button', { name: 'Insert social links' }).click();
    await body.locator('.ml-social-icon').first().waitFor();
    await backInEditor(body);
    await caretToEnd();
    const magic = await toolbarMenu('Magic link');
    await magic.getByLabel('Destination').selectOption({ label: 'Courses' });
    await magic.getByRole('button', { name: 'Insert as button' }).click();
    await backInEditor(body);
    await relabelButton(body, body.locator('.ml-button').first(), 'Open my courses');

    // Space, two columns with a paragraph each.
    await caretToEnd();
    await page.getByRole('button', { name: 'Space' }).click();
    await backInEditor(body);
    await body.locator('.ml-spacer').click();
    const space = page.getByRole('dialog', { name: 'Space settings' });
    await space.getByLabel('Height (px)').fill('24');
    await space.getByRole('button', { name: 'Set height' }).click();
    await body.locator('.ml-spacer[data-height="24"]').waitFor();
    await backInEditor(body);
    await caretToEnd();
    await page.getByRole('button', { name: '2 columns' }).click();
    await backInEditor(body);
    await body.locator('.ml-column p').first().click();
    await page.keyboard.type('Left column: what you get.');
    await body.locator('.ml-column p').last().click();
    await page.keyboard.type('Right column: how to start.');

    // Three paragraphs, the cards and the footer; then each paragraph behind its rule.
    await caretToEnd();
    await page.keyboard.type('Piano plan members: the recital is next Friday.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Pick a plan to unlock the courses.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Gold perk: a free lesson.');
    await page.keyboard.press('Enter');
    const cards = await toolbarMenu('For each unlocked…');
    await cards.getByLabel('Button label').fill('Start learning');
    await cards.getByRole('button', { name: 'Insert cards' }).click();
    await page.getByText('For each unlocked course').waitFor();
    await backInEditor(body);
    await caretToEnd();
    await page.getByRole('button', { name: 'Footer with unsubscribe link' }).click();
    await backInEditor(body);
    await showIf(body, 'Gold perk', async (rule) => {
      await rule.getByLabel('Show the selected blocks to').selectOption('field');
      await rule.getByRole('combobox', { name: 'Custom field' }).fill('plan');
      await rule.getByRole('textbox', { name: 'Equals' }).fill('Gold');
    }, 'Show if plan');
    await showIf(body, 'Pick a plan', (rule) => rule.getByLabel('Show the selected blocks to').selectOption('no_offer').then(() => undefined), 'Show if the contact holds no offer');
    await showIf(body, 'Piano plan members', async (rule) => {
      await rule.getByLabel('Show the selected blocks to').selectOption('offer');
      await rule.getByLabel('Offer', { exact: true }).selectOption({ label: 'Recital plan' });
    }, 'Show if the contact holds Recital plan');
    // The lounge button goes inside that section, after its paragraph.
    await selectTextIn(body, 'next Friday.', { caretAfter: true });
    const lounge = await toolbarMenu('Magic link');
    await lounge.getByLabel('Destination').selectOption({ label: 'Communities' });
    await lounge.getByRole('button', { name: 'Insert as button' }).click();
    await backInEditor(body);
    await relabelButton(body, body.locator('.ml-show-if .ml-button'), 'Join the lounge');
    await afterNextFrames(page);
    // The editor draws the quote and the code block as the email does: a bar, a grey box.
    expect(await body.locator('blockquote').evaluate((quote) => getComputedStyle(quote).borderLeftWidth)).toBe('4px');
    expect(await body.locator('pre').evaluate((code) => getComputedStyle(code).backgroundColor)).toBe('rgb(244, 245, 247)');
    await screenshotBothSizes(page, 'every-block-composer', body);
    await page.setViewportSize(DESKTOP);
    await body.locator('.ml-spacer').click();
    await screenshotBothSizes(page, 'every-block-space-settings', page.getByRole('dialog', { name: 'Space settings' }));
    await page.setViewportSize(DESKTOP);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved · version 1').waitFor();
    const templateId = pathOf(page).split('/').pop();
    const saved = await api<{ content: EmailContent }>('GET', `${site}/templates/${templateId}`);
    expect(saved.content.subject).toBe(EXAMPLE.subject);
    expect(saved.content.previewText).toBe(EXAMPLE.previewText);
    expect(comparable(saved.content.body)).toEqual(comparable(EXAMPLE.body));
    const showIfs = saved.content.body.content!.filter((node) => node.type === 'showIf');
    expect(showIfs.map((node) => node.attrs?.offerId)).toEqual([recitalPlan, '', '']);
    expect(saved.content.body.content!.find((node) => node.type === 'image')?.attrs?.src).toMatch(new RegExp(`^${server.origin}/media/[0-9a-f]{64}\\.png$`));

    // Each contact's preview: their own Show if… parts and course card, links inert.
    const preview = page.frameLocator('iframe[title="Email preview"]');
    const previewText = () => preview.locator('body').innerText();
    await previewForContact(page, 'Rosa');
    await waitForText(preview, 'Hello Rosa');
    await waitForText(preview, 'Recital pieces');
    await expect.poll(previewText, { timeout: 15_000 }).not.toContain('Harmony basics');
    const rosaSees = await previewText();
    for (const part of ['Piano plan members', 'Gold perk: a free lesson.', 'See you soon.', 'C  D  E  F  G', 'Left column: what you get.']) expect(rosaSees).toContain(part);
    expect(rosaSees).not.toContain('Pick a plan');
    expect(await preview.getByRole('link', { name: 'Start learning' }).getAttribute('href')).toBe(`${server.memberOrigin}/courses/${recitals}?token=preview`);
    await screenshotBothSizes(page, 'every-block-preview-rosa', page.getByRole('region', { name: 'Preview' }));

    await previewForContact(page, 'Theo');
    await waitForText(preview, 'Hello Theo');
    await waitForText(preview, 'Harmony basics');
    await expect.poll(previewText, { timeout: 15_000 }).not.toContain('Recital pieces');
    const theoSees = await previewText();
    for (const part of ['Piano plan members', 'Gold perk', 'Pick a plan', 'Join the lounge']) expect(theoSees).not.toContain(part);
    expect(await preview.getByRole('link', { name: 'Start learning' }).getAttribute('href')).toBe(`${server.memberOrigin}/courses/${theory}?token=preview`);
    await screenshotBothSizes(page, 'every-block-preview-theo', page.getByRole('region', { name: 'Preview' }));

    await previewForContact(page, 'Nell');
    await waitForText(preview, 'Hello Nell');
    await waitForText(preview, 'Pick a plan to unlock the courses.');
    const nellSees = await previewText();
    for (const part of ['Piano plan members', 'Gold perk', 'Recital pieces', 'Harmony basics', 'Start learning']) expect(nellSees).not.toContain(part);

    // Sent through the outbox: each email has only its parts, live links and an unsubscribe link.
    const message = await api<{ id: string }>('POST', `${site}/messages`, { templateId, channel: 'email', recipients: { contactIds: [rosa, theo] } });
    expect(await waitForMessageSent(api, `${site}/messages/${message.id}`)).toBe(2);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const token = /\?token=[\w-]+\.[\w-]+\.[\w-]+$/;
    const received = async (recipient: string, greeting: string) => {
      await page.getByText(recipient).first().click();
      const email = page.frameLocator(`iframe[title="Email to ${recipient}"]`);
      await waitForText(email, greeting);
      const courseLink = await email.getByRole('link', { name: 'Start learning' }).getAttribute('href');
      expect(courseLink).toMatch(token);
      expect(await email.getByRole('link', { name: 'Unsubscribe' }).getAttribute('href')).toMatch(/^http.+unsubscribe/i);
      return { text: await email.locator('body').innerText(), courseLink, plainText: (await page.locator('.outbox-view .plain-text').textContent()) ?? '' };
    };
    const toRosa = await received('rosa@example.com', 'Hello Rosa');
    expect(toRosa.courseLink).toMatch(new RegExp(`^${server.memberOrigin}/courses/${recitals}`));
    expect(toRosa.text).toContain('Gold perk: a free lesson.');
    expect(toRosa.text).toContain('Join the lounge');
    expect(toRosa.text).not.toMatch(/Pick a plan|Harmony basics/);
    expect(toRosa.plainText).toContain('Piano plan members: the recital is next Friday.');
    expect(toRosa.plainText).toContain('Unsubscribe');
    expect(toRosa.plainText).not.toContain('Harmony basics');
    await screenshotBothSizes(page, 'every-block-outbox-rosa', page.getByRole('article', { name: 'Message' }));

    const toTheo = await received('theo@example.com', 'Hello Theo');
    expect(toTheo.courseLink).toMatch(new RegExp(`^${server.memberOrigin}/courses/${theory}`));
    expect(toTheo.text).not.toMatch(/Piano plan members|Gold perk|Pick a plan|Join the lounge|Recital pieces/);
    expect(toTheo.plainText).toContain('Harmony basics');
    expect(toTheo.plainText).not.toMatch(/Piano plan members|Gold perk|Recital pieces/);
  }, 240_000);
});
