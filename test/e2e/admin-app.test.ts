/**
 * The admin app in real Chromium against the real server (child process, embedded database, demo
 * site seeded): the golden path a new user takes, from the printed sign-in link to a member logged
 * in on the courses page, then the no-access and expired-link paths. The tests are one story in
 * order: later ones use the offer, contact and template the golden path created.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotBothSizes, type LayoutProblem } from '../support/e2e-browser.ts';
import { afterNextFrames, clipboardText, pathOf, signInWithPrintedLink, waitForFocusIn, waitForText, type StaffApi } from '../support/e2e-page.ts';
import type { E2eServer } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';
import { PREVIEW_SHORT_CODE } from '../../server/links/short-links.ts';

const TEN_MINUTES = 10 * 60_000;

let server: E2eServer;
let context: BrowserContext;
let page: Page;
let api: StaffApi;
useE2eSuite({ server: { clockStepMs: TEN_MINUTES } }, (suite) => ({ server, context, page, api } = suite));
const layout: LayoutProblem[] = [];
const ids: { templateId?: string; mayaId?: string } = {};

async function shoot(name: string, detail?: Locator): Promise<void> {
  layout.push(...(await screenshotBothSizes(page, name, detail)).map((problem) => ({ ...problem, problem: `${name}: ${problem.problem}` })));
}

async function nav(label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: label === 'Site details' ? 'Site details' : label }).waitFor();
}

/** Clicks a link inside an Outbox email and returns the member-site tab it opens. */
async function openFromOutboxEmail(recipient: string, linkName: string): Promise<Page> {
  return openFromEmailFrame(`Email to ${recipient}`, linkName);
}

/** Clicks a link inside the sandboxed email frame with this title and returns the member-site tab it opens. */
async function openFromEmailFrame(frameTitle: string, linkName: string): Promise<Page> {
  // Member sessions from earlier steps must not make a broken link look like it worked.
  await context.clearCookies({ domain: 'academy.localhost' });
  const frame = page.frameLocator(`iframe[title="${frameTitle}"]`);
  const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 15_000 }), frame.getByRole('link', { name: linkName }).first().click()]);
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}


/** Sends the template to one contact through the API (the UI send is covered by the golden path). */
async function sendTemplateTo(contactId: string): Promise<void> {
  const message = await api<{ id: string }>('POST', '/api/sites/academy/messages', {
    templateId: ids.templateId,
    channel: 'email',
    recipients: { contactIds: [contactId] },
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { status, counts } = await api<{ status: string; counts: { sent: number } }>('GET', `/api/sites/academy/messages/${message.id}`);
    if (status === 'completed') {
      expect(counts.sent).toBe(1);
      return;
    }
    if (Date.now() > deadline) throw new Error(`message ${message.id} still ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}


describe('admin app in Chromium', () => {
  it('signs in: the email form answers the same for anyone; the printed link opens a session', async () => {
    await page.goto(`${server.origin}/contacts`);
    await page.waitForURL(`${server.origin}/login`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shoot('01-sign-in');
    await page.getByLabel('Work email').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await shoot('02-sign-in-check-email');

    // A User Link asks for a person's click (scanners' GETs never sign in), then works once.
    await signInWithPrintedLink(page, server);
    await page.getByRole('heading', { level: 1, name: 'Site details' }).waitFor();
    expect(page.url()).not.toContain('token=');
  }, 60_000);

  it('golden path: Site Details → Learner Link → offer → contact → composed email → preview → send → Outbox → logged in on the courses page', async () => {
    // Site Details: the demo site is complete, so clear a required field, see it listed as missing, refill.
    const supportEmail = page.getByLabel('Support email');
    await supportEmail.fill('');
    await page.getByRole('button', { name: 'Save Site Details' }).click();
    const links = page.getByRole('region', { name: 'Magic links' });
    await waitForText(links, 'Complete Site Details to get your links.');
    await links.getByRole('listitem').filter({ hasText: 'Support email' }).waitFor();
    await shoot('03-site-details-incomplete');

    await supportEmail.fill('help@');
    await page.getByRole('button', { name: 'Save Site Details' }).click();
    await page.locator('input[aria-invalid="true"]').first().waitFor();
    expect(await supportEmail.getAttribute('aria-invalid')).toBe('true');
    await shoot('04-site-details-inline-error');

    await supportEmail.fill('help@academy.example');
    await page.getByRole('button', { name: 'Save Site Details' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const learner = page.getByRole('region', { name: 'Learner Link' });
    await learner.getByTestId('learner-custom-value').filter({ hasText: '{{magic_link.learner}}' }).waitFor();
    await learner.getByRole('button', { name: 'Copy Learner Link' }).click();
    expect(await clipboardText(page)).toBe('{{magic_link.learner}}');
    await learner.getByRole('button', { name: 'Copy without auto-login Learner Link URL' }).click();
    expect(await clipboardText(page)).toBe(`${server.memberOrigin}/`);
    await shoot('05-site-details-links');

    await page.getByRole('button', { name: 'Generate Magic Link' }).click();
    const generate = page.getByRole('dialog', { name: 'Generate Magic Link' });
    await generate.getByLabel('Destination').selectOption({ label: 'Email Marketing Basics' });
    await generate.getByRole('button', { name: 'Generate', exact: true }).click();
    await generate.getByTestId('generated-custom-value').filter({ hasText: /^\{\{magic_link\.course\.[0-9a-f-]{36}\}\}$/ }).waitFor();
    await shoot('06-generate-magic-link');
    await generate.getByRole('button', { name: 'Close' }).click();

    // An offer with a course created on the spot.
    await nav('Offers');
    await page.getByRole('button', { name: 'New offer' }).click();
    const offerDialog = page.getByRole('dialog', { name: 'New offer' });
    await offerDialog.getByLabel('Offer title').fill('Piano Club');
    await offerDialog.getByLabel('New item title').fill('Piano Basics');
    await offerDialog.getByRole('button', { name: 'Add course' }).click();
    await offerDialog.getByRole('checkbox', { name: 'Piano Basics' }).and(page.locator(':checked')).waitFor();
    await shoot('07-offer-dialog');
    await offerDialog.getByRole('button', { name: 'Create offer' }).click();
    await page.getByRole('article', { name: 'Piano Club' }).getByText('Course · Piano Basics').waitFor();
    await shoot('08-offers');

    // A contact (with an inline error first), granted the offer.
    await nav('Contacts');
    await shoot('09-contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const contactDialog = page.getByRole('dialog', { name: 'New contact' });
    await contactDialog.getByLabel('First name').fill('Maya');
    await contactDialog.getByLabel('Last name').fill('Lin');
    await contactDialog.getByLabel('Email').fill('maya@');
    await contactDialog.getByRole('button', { name: 'Create contact' }).click();
    await contactDialog.locator('.field-error').first().waitFor();
    await contactDialog.getByLabel('Email').fill('maya@example.com');
    await contactDialog.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maya Lin' }).waitFor();
    ids.mayaId = pathOf(page).split('/').pop();
    await page.getByLabel('Grant an offer').selectOption({ label: 'Piano Club' });
    await page.getByRole('button', { name: 'Grant', exact: true }).click();
    await page.getByRole('list', { name: 'Active offers' }).getByText('Piano Club').waitFor();
    await shoot('10-contact');

    // Compose: a merge field and a magic-link button; preview as Maya.
    await nav('Templates');
    await shoot('11-templates-empty');
    await page.getByRole('link', { name: 'New email' }).first().click();
    await page.getByLabel('Template name').fill('Welcome to Piano Club');
    await page.getByRole('textbox', { name: 'Subject' }).click();
    await page.keyboard.type('Your piano lessons are ready');
    await page.getByRole('textbox', { name: 'Email body' }).click();
    await page.keyboard.type('Hi ');
    await page.getByRole('button', { name: 'Insert field' }).click();
    await page.getByRole('dialog', { name: 'Insert field' }).getByRole('button', { name: /^First name/ }).click();
    await waitForFocusIn(page.getByRole('textbox', { name: 'Email body' }));
    await page.keyboard.type(', your first lesson is waiting.');
    await page.getByRole('button', { name: 'Magic link' }).click();
    const magic = page.getByRole('dialog', { name: 'Magic link' });
    await magic.getByLabel('Destination').selectOption({ label: 'Courses' });
    await magic.getByRole('button', { name: 'Insert as button' }).click();
    await afterNextFrames(page);

    await page.getByRole('combobox', { name: 'Preview for a contact' }).fill('Maya');
    await page.getByRole('option', { name: /Maya Lin/ }).click();
    const preview = page.frameLocator('iframe[title="Email preview"]');
    await waitForText(preview, /Hi Maya, your first lesson is waiting\./);
    const previewHref = await preview.getByRole('link', { name: 'Log in to your courses' }).getAttribute('href');
    expect(previewHref).toBe(`${server.memberOrigin}/courses?token=preview`);
    await shoot('12-template-editor', page.getByRole('region', { name: 'Preview' }));

    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved · version 1').waitFor();
    ids.templateId = pathOf(page).split('/').pop();

    // Send to Maya and follow the progress bar.
    await page.getByLabel('Add recipients').fill('Maya');
    await page.getByRole('button', { name: 'Add Maya Lin' }).click();
    await page.getByRole('button', { name: 'Send…' }).click();
    await page.getByRole('dialog', { name: 'Send “Welcome to Piano Club”?' }).getByRole('button', { name: 'Send now' }).click();
    const progress = page.getByLabel('Send progress');
    await waitForText(progress, '1 sent · 0 skipped · 0 failed');
    expect(await progress.locator('progress').getAttribute('value')).toBe('100');
    await shoot('13-template-sent');

    // The Outbox shows it as Maya sees it; its button logs her in on the courses page.
    await page.getByRole('link', { name: 'Open the Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const email = page.frameLocator('iframe[title="Email to maya@example.com"]');
    await waitForText(email, 'Hi Maya, your first lesson is waiting.');
    await shoot('14-outbox', page.locator('.email-frame'));
    const member = await openFromOutboxEmail('maya@example.com', 'Log in to your courses');
    await member.waitForURL(`${server.memberOrigin}/courses`);
    await member.getByRole('heading', { name: 'Courses' }).first().waitFor();
    await waitForText(member, 'Piano Basics');
    expect(member.url()).not.toContain('token');
    await member.close();
  }, 120_000);

  it('a contact without an offer reaches the no-access page, and the link check says why and how to fix it', async () => {
    const contact = await api<{ id: string }>('POST', '/api/sites/academy/contacts', { firstName: 'Noel', lastName: 'Park', email: 'noel@example.com' });
    const [offer] = (await api<{ offers: { id: string; title: string }[] }>('GET', '/api/sites/academy/offers')).offers.filter((o) => o.title === 'Piano Club');
    await api('POST', `/api/sites/academy/contacts/${contact.id}/access`, { offerId: offer.id });
    await sendTemplateTo(contact.id);

    // Revoke the offer in the UI (with its confirmation).
    await page.goto(`${server.origin}/contacts/${contact.id}`);
    await page.getByRole('heading', { level: 1, name: 'Noel Park' }).waitFor();
    await page.getByRole('list', { name: 'Active offers' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog', { name: 'Revoke Piano Club?' }).getByRole('button', { name: 'Revoke offer' }).click();
    await waitForText(page, /No active offer/);

    await nav('Outbox');
    await page.getByRole('button', { name: /noel@example\.com/ }).first().click();
    const member = await openFromOutboxEmail('noel@example.com', 'Log in to your courses');
    await member.getByRole('heading', { name: "You don't have access right now" }).waitFor();
    const href = member.url();
    await member.close();

    await page.goto(`${server.origin}/contacts/${contact.id}`);
    await page.getByLabel('Paste the link they used').fill(href);
    await page.getByRole('button', { name: 'Check link' }).click();
    const result = page.getByRole('status', { name: 'Link check result' });
    await waitForText(result, 'No access');
    await waitForText(result, /Grant Noel Park an offer such as .*“Piano Club”/);
    await shoot('15-contact-link-check');
  }, 60_000);

  it('an expired link offers "send me a new link", which puts a fresh login email in the Outbox', async () => {
    // Learner Links last 5 minutes; the server's clock then moves 10 minutes on.
    await nav('Site details');
    await page.getByLabel('Learner Links last (minutes)').fill('5');
    await page.getByRole('button', { name: 'Save Site Details' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await sendTemplateTo(ids.mayaId!);
    await server.advanceClock();

    await nav('Outbox');
    const delivered = page.getByRole('list', { name: 'Delivered messages' });
    await delivered.waitFor();
    const before = await delivered.getByRole('listitem').count();
    const expired = await openFromOutboxEmail('maya@example.com', 'Log in to your courses');
    await expired.getByRole('heading', { name: 'This link has expired' }).waitFor();
    await expired.getByRole('button', { name: 'Send me a new link' }).click();
    await expired.getByRole('heading', { name: 'A new link is on its way' }).waitFor();
    await expired.close();

    await page.getByRole('button', { name: 'Refresh' }).click();
    const items = delivered.getByRole('listitem');
    await items.nth(before).waitFor();
    expect(await items.count()).toBe(before + 1);
    await waitForText(items.first(), 'Your login link for Acme Academy');
    await items.first().getByRole('button').click();
    const fresh = await openFromOutboxEmail('maya@example.com', 'Log in');
    await fresh.waitForURL(`${server.memberOrigin}/courses`);
    await waitForText(fresh, 'Piano Basics');
    await fresh.close();
  }, 60_000);

  it('imports contacts from CSV and reports each rejected row by line and field', async () => {
    await nav('Contacts');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import contacts from CSV' });
    await dialog.getByLabel('…or paste CSV').fill('email,first_name,last_name\nlena@example.com,Lena,Ortiz\nnot-an-email,Bad,Row\n');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const report = dialog.getByRole('status', { name: 'Import report' });
    await waitForText(report, /2\s*rows:\s*1\s*created,\s*0\s*updated,\s*1\s*failed/);
    const rejected = report.getByRole('row').filter({ hasText: 'email' }).last();
    expect((await rejected.getByRole('cell').first().textContent())?.trim()).toBe('3');
    await shoot('16-csv-import-report');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByLabel('Search contacts').fill('lena');
    await page.getByRole('link', { name: 'Lena Ortiz' }).waitFor();
  }, 60_000);

  it('composes an SMS with a merge field and a magic link, sends it, and the Outbox shows it as a bubble with a working link', async () => {
    await nav('Templates');
    await page.getByRole('link', { name: 'New SMS' }).first().click();
    await page.getByLabel('Template name').fill('Course reminder');
    await page.getByRole('textbox', { name: 'SMS message' }).click();
    await page.keyboard.type('Hi ');
    await page.getByRole('button', { name: 'Insert field' }).click();
    await page.getByRole('dialog', { name: 'Insert field' }).getByRole('button', { name: /^First name/ }).click();
    await waitForFocusIn(page.getByRole('textbox', { name: 'SMS message' }));
    await page.keyboard.type(', your courses: ');
    await page.getByRole('button', { name: 'Magic link' }).click();
    const magic = page.getByRole('dialog', { name: 'Magic link' });
    await magic.getByLabel('Destination').selectOption({ label: 'Courses' });
    await magic.getByRole('button', { name: 'Insert as URL' }).click();
    await waitForFocusIn(page.getByRole('textbox', { name: 'SMS message' }));
    await page.getByRole('combobox', { name: 'Preview for a contact' }).fill('Ada');
    await page.getByRole('option', { name: /Ada Lovelace/ }).click();
    // SMS sends short links; the preview's has the real length and logs no one in.
    await waitForText(page.getByRole('region', { name: 'Preview' }), `Hi Ada, your courses: ${server.memberOrigin}/l/${PREVIEW_SHORT_CODE}`);
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved · version 1').waitFor();
    await shoot('17-sms-template', page.getByRole('region', { name: 'Preview' }));

    await page.getByLabel('Add recipients').fill('Ada');
    await page.getByRole('button', { name: 'Add Ada Lovelace' }).click();
    await page.getByRole('button', { name: 'Send…' }).click();
    await page.getByRole('dialog', { name: 'Send “Course reminder”?' }).getByRole('button', { name: 'Send now' }).click();
    await waitForText(page.getByLabel('Send progress'), '1 sent · 0 skipped · 0 failed');

    await nav('Outbox');
    await page.getByRole('button', { name: /\+14155550101/ }).first().click();
    const bubble = page.locator('.sms-bubble');
    await waitForText(bubble, 'Hi Ada, your courses:');
    await shoot('18-outbox-sms');
    await context.clearCookies({ domain: 'academy.localhost' });
    const [member] = await Promise.all([context.waitForEvent('page'), bubble.getByRole('link').click()]);
    await member.waitForURL(`${server.memberOrigin}/courses`);
    await waitForText(member, 'Advanced Automations');
    await member.close();
  }, 60_000);

  it('builds a workflow (Offer Access Granted → send the welcome email) that runs when an offer is granted', async () => {
    await nav('Workflows');
    await page.getByRole('button', { name: 'New workflow' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New workflow' });
    await dialog.getByLabel('Workflow name').fill('Piano welcome');
    await dialog.getByRole('checkbox', { name: 'Piano Club' }).check();
    await dialog.getByLabel('Step 1: template').selectOption({ label: 'Welcome to Piano Club (email)' });
    await shoot('19-workflow-dialog');
    await dialog.getByRole('button', { name: 'Create workflow' }).click();
    const card = page.getByRole('article', { name: /Piano welcome/ });
    await waitForText(card, 'When a contact is granted “Piano Club”');
    await waitForText(card, 'Send email “Welcome to Piano Club”');

    const { contacts } = await api<{ contacts: { id: string }[] }>('GET', '/api/sites/academy/contacts?search=lena');
    const [offer] = (await api<{ offers: { id: string; title: string }[] }>('GET', '/api/sites/academy/offers')).offers.filter((o) => o.title === 'Piano Club');
    await api('POST', `/api/sites/academy/contacts/${contacts[0].id}/access`, { offerId: offer.id });
    const { workflows } = await api<{ workflows: { id: string }[] }>('GET', '/api/sites/academy/workflows');
    const deadline = Date.now() + 20_000;
    while ((await api<{ runs: { status: string }[] }>('GET', `/api/sites/academy/workflows/${workflows[0].id}/runs`)).runs[0]?.status !== 'completed') {
      if (Date.now() > deadline) throw new Error('the workflow run did not complete');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await card.getByRole('button', { name: 'Show run history' }).click();
    await waitForText(card.getByRole('list', { name: 'Run history' }), 'completed');
    await shoot('20-workflows');
    await nav('Outbox');
    await page.getByRole('button', { name: /lena@example\.com/ }).first().click();
    await waitForText(page.frameLocator('iframe[title="Email to lena@example.com"]'), 'Hi Lena, your first lesson is waiting.');
  }, 60_000);

  it('shows link activity per day and the top failure reasons with their fixes', async () => {
    await nav('Activity');
    const failures = page.getByRole('list', { name: 'Top failure reasons' });
    await waitForText(failures, 'Link expired');
    await waitForText(failures, 'Contact holds no active offer');
    await waitForText(page.getByRole('list', { name: 'Totals' }), /Logged in: \d+/);
    // Per message: the golden path's welcome email brought Maya in through its courses button.
    const messages = page.getByRole('region', { name: 'Messages' });
    const welcome = messages.getByRole('row').filter({ hasText: 'Welcome to Piano Club' }).filter({ hasText: '/courses' }).first();
    await welcome.waitFor();
    expect(await welcome.getByRole('cell').nth(2).textContent()).toMatch(/^[1-9]\d* \(\d+%\)$/);
    expect(await welcome.getByRole('cell').nth(3).textContent()).toMatch(/median · .* p90/);
    await shoot('21-activity');
  }, 30_000);

  it('Conversations: finds a contact who holds an offer, sends an email with a magic-link button from the compact composer, sees it in the thread, and its button logs them in', async () => {
    await nav('Conversations');
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Maya Lin/ }).waitFor();
    await shoot('22-conversations');

    // Search as you type finds any contact; Maya holds Piano Club since the golden path.
    await page.getByLabel('Search contacts').fill('maya');
    await page.getByRole('list', { name: 'Matching contacts' }).getByRole('link', { name: /Maya Lin/ }).click();
    await page.waitForURL(`${server.origin}/conversations/${ids.mayaId}`);
    const thread = page.getByRole('region', { name: 'Thread' });
    await thread.getByRole('heading', { level: 2, name: 'Maya Lin' }).waitFor();
    await thread.getByRole('list', { name: 'Active offers' }).getByText('Piano Club').waitFor();
    const items = thread.getByRole('list', { name: 'Messages and events' });
    await waitForText(items, 'Access granted: Piano Club');
    await waitForText(items, 'Your piano lessons are ready');

    // The compact composer: subject, a merge field and a magic-link button.
    await thread.getByRole('textbox', { name: 'Subject' }).click();
    await page.keyboard.type('Your next piano lesson');
    await thread.getByRole('textbox', { name: 'Email body' }).click();
    await page.keyboard.type('Hi ');
    await thread.getByRole('button', { name: 'Insert field' }).click();
    await page.getByRole('dialog', { name: 'Insert field' }).getByRole('button', { name: /^First name/ }).click();
    await waitForFocusIn(thread.getByRole('textbox', { name: 'Email body' }));
    await page.keyboard.type(', lesson two is up.');
    await thread.getByRole('button', { name: 'Magic link' }).click();
    const magic = page.getByRole('dialog', { name: 'Magic link' });
    await magic.getByLabel('Destination').selectOption({ label: 'Courses' });
    await magic.getByRole('button', { name: 'Insert as button' }).click();
    await afterNextFrames(page);
    await shoot('23-conversation-compose', thread.locator('.thread-composer'));
    await thread.getByRole('button', { name: 'Send email' }).click();
    await thread.getByRole('status').filter({ hasText: 'Sent to Maya Lin' }).waitFor();

    // The thread refreshes on its own until the message is delivered.
    const sent = items.getByRole('listitem', { name: 'Sent email' }).filter({ hasText: 'Your next piano lesson' });
    await sent.getByRole('button', { name: 'View as received' }).waitFor({ timeout: 20_000 });
    await waitForText(sent, 'Hi Maya, lesson two is up.');
    await sent.getByRole('button', { name: 'View as received' }).click();
    const frame = page.frameLocator('iframe[title="Email: Your next piano lesson"]');
    await waitForText(frame, 'Hi Maya, lesson two is up.');
    await shoot('24-conversation-thread', sent.locator('.email-frame'));

    // A thread shows the email as received but never hands over the member's credential: the
    // button's link is masked. The live one reaches Maya (here: the embedded outbox, owners only).
    const threadButton = frame.getByRole('link', { name: 'Log in to your courses' }).first();
    expect(await threadButton.getAttribute('href')).toMatch(/\/courses\?token=•••$/);
    await nav('Outbox');
    const outboxEmail = page.frameLocator('iframe[title="Email to maya@example.com"]');
    await waitForText(outboxEmail, 'Hi Maya, lesson two is up.');
    const member = await openFromOutboxEmail('maya@example.com', 'Log in to your courses');
    await member.waitForURL(`${server.memberOrigin}/courses`);
    await waitForText(member, 'Piano Basics');
    expect(member.url()).not.toContain('token');
    await member.close();

    // The login shows up in the thread as a system event.
    await page.goBack();
    await page.waitForURL(`${server.origin}/conversations/${ids.mayaId}`);
    await page.reload();
    await waitForText(page.getByRole('list', { name: 'Messages and events' }), 'Logged in with a magic link');
  }, 90_000);

  it('Staff and API keys: the owner invites an agent (their sign-in link goes out) and creates an agent key shown once', async () => {
    await nav('Staff');
    await page.getByRole('button', { name: 'Invite staff' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite staff' });
    await invite.getByLabel('Email').fill('sam@academy.example');
    await invite.getByLabel('Name').fill('Sam Support');
    await invite.getByLabel('Role').selectOption('agent');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const staff = page.getByRole('list', { name: 'Staff' });
    await waitForText(staff, 'sam@academy.example');
    await shoot('25-staff');

    await nav('API keys');
    const form = page.getByRole('form', { name: 'New API key' });
    await form.getByLabel('Name').fill('Zapier');
    await form.getByLabel('Role').selectOption('agent');
    await form.getByRole('button', { name: 'Create key' }).click();
    const created = page.getByRole('status').filter({ hasText: 'copy this key now' });
    expect(await created.locator('code').textContent()).toMatch(/^mlk_[\w-]{20,}$/);
    await waitForText(page.getByRole('list', { name: 'API keys' }), 'Zapier');
    await shoot('26-api-keys');
  }, 30_000);

  it('drafts: an unsaved new email is autosaved, restored after a reload with "Restored draft from …", kept by Back when refused, discarded on request, and gone once saved', async () => {
    await nav('Templates');
    await page.getByRole('link', { name: 'New email' }).first().click();
    await page.getByLabel('Template name').fill('Spring recital');
    await page.getByRole('textbox', { name: 'Subject' }).click();
    await page.keyboard.type('Recital tickets');
    await page.getByRole('textbox', { name: 'Email body' }).click();
    await page.keyboard.type('Remember this sentence.');
    await waitForText(page.getByRole('form', { name: 'Template' }), /draft kept \d/);

    // Reload: the browser asks first (beforeunload); leaving anyway, the work comes back from the server.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    const bar = page.getByRole('status', { name: 'Restored draft' });
    await waitForText(bar, /^Restored draft from \d{2}:\d{2}/);
    await waitForText(page.getByRole('textbox', { name: 'Email body' }), 'Remember this sentence.');
    await waitForText(page.getByRole('textbox', { name: 'Subject' }), 'Recital tickets');
    expect(await page.getByLabel('Template name').inputValue()).toBe('Spring recital');
    await shoot('27-template-draft-restored', bar);

    // Back asks too; refusing keeps the page and its address.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goBack();
    await afterNextFrames(page);
    expect(asked).toEqual(['This template has unsaved changes. Leave without saving?']);
    expect(pathOf(page)).toBe('/templates/new?channel=email');
    await waitForText(page.getByRole('textbox', { name: 'Email body' }), 'Remember this sentence.');

    await bar.getByRole('button', { name: 'Discard' }).click();
    await bar.waitFor({ state: 'detached' });
    expect((await page.getByRole('textbox', { name: 'Email body' }).innerText()).trim()).toBe('');
    expect(await page.getByLabel('Template name').inputValue()).toBe('Untitled email');
    expect(await api('GET', '/api/sites/academy/template-drafts/new-email')).toEqual({ draft: null });

    // Saving the template spends its draft: a reload opens the saved version, no bar.
    await page.getByRole('textbox', { name: 'Subject' }).click();
    await page.keyboard.type('Recital tickets');
    await page.getByRole('textbox', { name: 'Email body' }).click();
    await page.keyboard.type('Saved for real.');
    await waitForText(page.getByRole('form', { name: 'Template' }), /draft kept \d/);
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved · version 1').waitFor();
    await page.reload();
    await waitForText(page.getByRole('textbox', { name: 'Email body' }), 'Saved for real.');
    expect(await page.getByRole('status', { name: 'Restored draft' }).count()).toBe(0);
    expect(await api('GET', '/api/sites/academy/template-drafts/new-email')).toEqual({ draft: null });
  }, 90_000);

  it('popovers: Escape closes the Magic link menu (focus back on its button) and Tab out of it closes it; Escape on the button editor hides it and puts focus back in the body', async () => {
    await nav('Templates');
    await page.getByRole('link', { name: 'New email' }).first().click();
    const body = page.getByRole('textbox', { name: 'Email body' });
    await body.click();
    await page.keyboard.type('Doors open at seven.');

    const trigger = page.getByRole('button', { name: 'Magic link' });
    const magic = page.getByRole('dialog', { name: 'Magic link' });
    await trigger.click();
    await magic.getByLabel('Destination').waitFor();
    await page.keyboard.press('Escape');
    await magic.waitFor({ state: 'detached' });
    expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true);

    await trigger.click();
    await magic.getByRole('button', { name: 'Insert as button' }).focus();
    for (let i = 0; i < 4 && (await magic.count()) > 0; i++) await page.keyboard.press('Tab');
    expect(await magic.count()).toBe(0);

    await trigger.click();
    await magic.getByLabel('Destination').selectOption({ label: 'Courses' });
    await magic.getByRole('button', { name: 'Insert as button' }).click();
    await afterNextFrames(page);
    await page.locator('.ml-button').first().click();
    const settings = page.getByRole('dialog', { name: 'Button settings' });
    await settings.waitFor();
    await afterNextFrames(page);
    await shoot('28-button-settings', settings);

    await settings.getByRole('textbox').first().focus();
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'hidden' });
    await waitForFocusIn(body);
  }, 60_000);

  it('leaves no page scrolling sideways or with spilled text at 1280×800 and 390×844', () => {
    expect(layout).toEqual([]);
  });
});
