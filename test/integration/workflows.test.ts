/**
 * Workflows on both drivers: a grant (through the API or a signed webhook) runs each matching
 * enabled workflow once, its email's magic link logs the contact into the granted offer's section,
 * bad or stale webhook signatures change nothing, and a Wait outlives the process.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, processLeases, workflowRuns } from '../../server/db/schema.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { signWebhook } from '../../server/webhooks/webhook-signature.ts';
import { apiOk, createContact, createTemplate, createWorkflow } from '../support/fixtures.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { waitFor } from '../support/polling.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { runStepAttempt } from '../../server/workflows/run-step.ts';
import type { StepQueue } from '../../server/workflows/step-queue.ts';
import {
  OFFER_WELCOME_EMAIL,
  OFFER_WELCOME_SMS,
  durableDatabase,
  followMagicLink,
  magicLinkIn,
  signedHook,
} from './workflow-support.ts';

const ENV = { SEND_POLL_SECONDS: '0.5' };

interface RunView {
  id: string;
  contactId: string;
  status: string;
  trigger: { source: string; offerId: string };
  steps: Array<{ type: string; outcome: string; reason?: string; messageId?: string; delivery?: { status: string; reason: string | null } }>;
}

async function runsOf(t: TestApp, siteId: string, workflowId: string, contactId: string): Promise<RunView[]> {
  const res = await t.api('GET', `/api/sites/${siteId}/workflows/${workflowId}/runs?contactId=${contactId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().runs;
}

/** Waits until the contact's run has finished and every message it queued was delivered or skipped. */
async function finishedRun(t: TestApp, siteId: string, workflowId: string, contactId: string): Promise<RunView> {
  return waitFor(async () => {
    const [run] = await runsOf(t, siteId, workflowId, contactId);
    const settled = run?.status === 'completed' && run.steps.every((s) => !s.messageId || ['sent', 'skipped', 'failed'].includes(s.delivery!.status));
    return settled && run;
  }, { what: `the run of ${workflowId} for ${contactId}` });
}

/** Waits until the contact's run of the workflow is in `status` (held by a Wait, stopped…). */
function runIn(t: TestApp, siteId: string, workflowId: string, contactId: string, status: string): Promise<RunView> {
  return waitFor(
    async () => {
      const [run] = await runsOf(t, siteId, workflowId, contactId);
      return run?.status === status && run;
    },
    { what: `the run of ${workflowId} for ${contactId} to be ${status}` },
  );
}

describe.each(TEST_DRIVERS)('workflows on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  let emailTemplate: string;
  let smsTemplate: string;
  let welcome: string;
  let secret: string;

  beforeAll(async () => {
    t = await startTestApp(driver, ENV);
    s = await createMemberSite(t, 'flows');
    emailTemplate = await createTemplate(t, s.site.id, 'email', OFFER_WELCOME_EMAIL);
    smsTemplate = await createTemplate(t, s.site.id, 'sms', OFFER_WELCOME_SMS);
    welcome = await createWorkflow(t, s.site.id, {
      name: 'Welcome to the courses',
      trigger: { type: 'offer_access_granted', offerIds: [s.coursesOffer.id] },
      actions: [
        { type: 'send_email', templateId: emailTemplate },
        { type: 'send_sms', templateId: smsTemplate },
      ],
    });
    const rotated = await t.api('POST', `/api/sites/${s.site.id}/webhook-secret`);
    expect(rotated.statusCode, rotated.body).toBe(201);
    secret = rotated.json().secret;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('checks workflows when saved: 400 naming the field', async () => {
    const post = (body: Record<string, unknown>) => t.api('POST', `/api/sites/${s.site.id}/workflows`, body);
    const trigger = { type: 'offer_access_granted' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: ' ', trigger, actions: [{ type: 'wait', days: 1 }] }, 'name'],
      [{ name: 'x', trigger, actions: [] }, 'actions'],
      [{ name: 'x', trigger, actions: [{ type: 'send_email', templateId: '00000000-0000-4000-8000-000000000000' }] }, 'actions.0.templateId'],
      [{ name: 'x', trigger, actions: [{ type: 'wait', days: 1 }, { type: 'send_sms', templateId: emailTemplate }] }, 'actions.1.templateId'],
      [{ name: 'x', trigger, actions: [{ type: 'wait', minutes: 1, hours: 2 }] }, 'actions.0.seconds'],
      [{ name: 'x', trigger, actions: [{ type: 'wait', days: 400 }] }, 'actions.0.days'],
      [{ name: 'x', trigger, actions: [{ type: 'call', templateId: emailTemplate }] }, 'actions.0.type'],
      [{ name: 'x', trigger: { ...trigger, offerIds: ['00000000-0000-4000-8000-000000000000'] }, actions: [{ type: 'wait', days: 1 }] }, 'trigger.offerIds.0'],
    ];
    const workflowIds = async () => (await apiOk(t, 'GET', `/api/sites/${s.site.id}/workflows`)).workflows.map((w: { id: string }) => w.id);
    const before = await workflowIds();
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field, res.body).toBe(field);
    }
    // None of them was saved.
    expect(before).toContain(welcome);
    expect(await workflowIds()).toEqual(before);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/sites/{siteId}/workflows/{workflowId}/runs', '/api/sites/{siteId}/webhook-secret', '/hooks/{siteId}/access']) {
      expect(Object.keys(openapi.paths)).toContain(path);
    }
  });

  it("granting through the API runs the workflow once; its email's link logs the contact into the offer's section", async () => {
    const created = await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts`, { email: 'ann@flows.example', phone: '+14155550123', firstName: 'Ann' });
    const ann = created.id;
    const grant = await t.api('POST', `/api/sites/${s.site.id}/contacts/${ann}/access`, { offerId: s.coursesOffer.id });
    expect(grant.statusCode, grant.body).toBeLessThan(300);

    const run = await finishedRun(t, s.site.id, welcome, ann);
    expect(run.trigger).toMatchObject({ source: 'api', offerId: s.coursesOffer.id });
    expect(run.steps).toMatchObject([
      { type: 'send_email', outcome: 'queued', delivery: { status: 'sent' } },
      { type: 'send_sms', outcome: 'queued', delivery: { status: 'sent' } },
    ]);

    const outbox = await listOutbox(t.ctx.db, s.site.id, { contactId: ann });
    const email = outbox.find((m) => m.channel === 'email')!;
    const sms = outbox.find((m) => m.channel === 'sms')!;
    expect(outbox).toHaveLength(2);
    expect(email).toMatchObject({ recipient: 'ann@flows.example', subject: 'Welcome to Courses Pass' });
    expect(email.text).toContain('Hi Ann, you now have Courses Pass.');
    expect(sms.text).toMatch(/^Courses Pass is yours: http:\/\/flows\.localhost:3000\/l\/[\w-]{22}$/);

    const { location, page } = await followMagicLink(t, magicLinkIn(email.text));
    expect(location).toBe('/courses');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(s.course.title);

    // Granting again, and the same event delivered twice, start nothing.
    const again = await t.api('POST', `/api/sites/${s.site.id}/contacts/${ann}/access`, { offerId: s.coursesOffer.id });
    expect(again.statusCode).toBeLessThan(300);
    const event = t.events.find((e) => e.type === 'offer.access_granted' && (e.payload as { contactId: string }).contactId === ann)!;
    await t.ctx.events.publish(event);
    expect(await runsOf(t, s.site.id, welcome, ann)).toHaveLength(1);
    expect(await listOutbox(t.ctx.db, s.site.id, { contactId: ann })).toHaveLength(2);
  });

  it('a signed webhook creates the contact and grants it (source webhook); the workflow runs once', async () => {
    const body = { email: 'Nia@Buyer.example', firstName: 'Nia', phone: '+1 415 555 0199', offerId: s.coursesOffer.id };
    const first = await signedHook(t, s.site.id, 'access', body, secret);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ contactCreated: true, granted: true });
    const nia = first.json().contactId;
    // The same delivery again (a retry, signed anew: a signature works once) changes nothing.
    const retried = await signedHook(t, s.site.id, 'access', body, secret, new Date(t.clock.now.getTime() + 1000));
    expect(retried.json()).toMatchObject({ contactId: nia, contactCreated: false, granted: false });

    const contact = await apiOk(t, 'GET', `/api/sites/${s.site.id}/contacts/${nia}`);
    expect(contact).toMatchObject({ email: 'nia@buyer.example', phone: '+14155550199', firstName: 'Nia' });
    const run = await finishedRun(t, s.site.id, welcome, nia);
    expect(run.trigger.source).toBe('webhook');
    expect(await runsOf(t, s.site.id, welcome, nia)).toHaveLength(1);

    const email = (await listOutbox(t.ctx.db, s.site.id, { contactId: nia })).find((m) => m.channel === 'email')!;
    expect(email).toMatchObject({ recipient: 'nia@buyer.example', subject: 'Welcome to Courses Pass' });
    const { page } = await followMagicLink(t, magicLinkIn(email.text));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(s.course.title);
  });

  it('refuses a bad or stale webhook signature with nothing created', async () => {
    const body = { email: 'mallory@flows.example', offerId: s.coursesOffer.id };
    const payload = JSON.stringify(body);
    const now = Math.floor(t.clock.now.getTime() / 1000);
    const send = (headers: Record<string, string>, raw = payload, site = s.site.id) =>
      t.app.inject({ method: 'POST', url: `/hooks/${site}/access`, headers: { 'content-type': 'application/json', ...headers }, payload: raw });
    const signed = (timestamp: number, key = secret, raw = payload) => ({
      'x-memberlink-timestamp': String(timestamp),
      'x-memberlink-signature': signWebhook(key, timestamp, raw),
    });
    const other = await apiOk(t, 'POST', '/api/sites', { title: 'No secret', subdomain: 'nosecret' });

    const refusals = [
      await send(signed(now, 'whsec_wrong')),
      await send(signed(now), JSON.stringify({ ...body, email: 'forged@flows.example' })),
      await send(signed(now - 301)),
      await send(signed(now + 120)),
      await send({ 'x-memberlink-timestamp': String(now) }),
      await send({}),
      await send({ ...signed(now), 'x-memberlink-signature': 'sha256=' + '0'.repeat(64) }),
      await send(signed(now), payload, other.id),
      await send(signed(now), payload, '00000000-0000-4000-8000-000000000000'),
    ];
    for (const res of refusals) {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().error.code).toBe('invalid_signature');
    }
    expect(refusals[2].json().error.message).toContain('older than 5 minutes');
    expect(refusals[3].json().error.message).toContain('in the future');

    // Signed, but asking for an offer the site does not have: 400 naming it, still nothing created.
    const unknownOffer = await signedHook(t, s.site.id, 'access', { ...body, offerId: '00000000-0000-4000-8000-000000000000' }, secret);
    expect(unknownOffer.statusCode).toBe(400);
    expect(unknownOffer.json().error.field).toBe('offerId');
    const badEmail = await signedHook(t, s.site.id, 'access', { ...body, email: 'not-an-address' }, secret);
    expect(badEmail.json().error.field).toBe('email');

    const created = await t.ctx.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.siteId, s.site.id), eq(contacts.email, 'mallory@flows.example')));
    expect(created).toHaveLength(0);
    expect(await t.ctx.db.select().from(contacts).where(eq(contacts.email, 'forged@flows.example'))).toHaveLength(0);

    // Rotating replaces the secret: the old one stops working.
    const rotated = (await apiOk(t, 'POST', `/api/sites/${s.site.id}/webhook-secret`)).secret;
    expect((await signedHook(t, s.site.id, 'access', body, secret)).statusCode).toBe(401);
    secret = rotated;
  });

  it("a disabled workflow doesn't run, and a workflow runs only for its offers", async () => {
    const clubEmail = await createTemplate(t, s.site.id, 'email', { ...OFFER_WELCOME_EMAIL, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Welcome to the club' }] }] } });
    const disabled = await createWorkflow(t, s.site.id, {
      name: 'Club welcome',
      enabled: false,
      trigger: { type: 'offer_access_granted', offerIds: [s.communityOffer.id] },
      actions: [{ type: 'send_email', templateId: clubEmail }],
    });
    const bea = await createContact(t, s.site.id, { email: 'bea@flows.example', firstName: 'Bea' });
    const grant = await t.api('POST', `/api/sites/${s.site.id}/contacts/${bea}/access`, { offerId: s.communityOffer.id });
    expect(grant.statusCode).toBeLessThan(300);
    // Runs start inside the grant's event delivery: had any started, they would be listed now.
    expect(await runsOf(t, s.site.id, disabled, bea)).toHaveLength(0);
    expect(await runsOf(t, s.site.id, welcome, bea)).toHaveLength(0);

    // Enabled, it runs for the next grant of its offer.
    const enabled = await t.api('PATCH', `/api/sites/${s.site.id}/workflows/${disabled}`, { enabled: true });
    expect(enabled.json().enabled).toBe(true);
    const cy = await createContact(t, s.site.id, { email: 'cy@flows.example', firstName: 'Cy' });
    await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts/${cy}/access`, { offerId: s.communityOffer.id });
    const run = await finishedRun(t, s.site.id, disabled, cy);
    expect(run.steps[0].delivery!.status).toBe('sent');

    // Disabled while a run waits: the run stops at its next step, sending nothing.
    const patient = await createWorkflow(t, s.site.id, {
      name: 'Reminder',
      trigger: { type: 'offer_access_granted', offerIds: [s.communityOffer.id] },
      actions: [{ type: 'wait', seconds: 3 }, { type: 'send_email', templateId: clubEmail }],
    });
    const dee = await createContact(t, s.site.id, { email: 'dee@flows.example', firstName: 'Dee' });
    await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts/${dee}/access`, { offerId: s.communityOffer.id });
    await runIn(t, s.site.id, patient, dee, 'waiting');
    await apiOk(t, 'PATCH', `/api/sites/${s.site.id}/workflows/${patient}`, { enabled: false });
    const cancelled = await runIn(t, s.site.id, patient, dee, 'cancelled');
    expect(cancelled.steps).toMatchObject([{ type: 'wait' }, { type: 'send_email', outcome: 'cancelled', reason: 'the workflow was disabled' }]);
    expect(cancelled.steps[1].messageId).toBeUndefined();
  });

  it('a step that fails its last retry ends the run failed, with the error; earlier failures leave it to the retry', async () => {
    const clubEmail = await createTemplate(t, s.site.id, 'email', OFFER_WELCOME_EMAIL);
    const workflowId = await createWorkflow(t, s.site.id, {
      name: 'Slow welcome',
      trigger: { type: 'offer_access_granted', offerIds: [s.communityOffer.id] },
      actions: [{ type: 'wait', seconds: 3600 }, { type: 'send_email', templateId: clubEmail }, { type: 'send_sms', templateId: smsTemplate }],
    });
    const eve = await createContact(t, s.site.id, { email: 'eve@flows.example', phone: '+14155550177', firstName: 'Eve' });
    await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts/${eve}/access`, { offerId: s.communityOffer.id });
    const waiting = await runIn(t, s.site.id, workflowId, eve, 'waiting');
    // The step's transaction fails at its last statement (queueing the next step), every time.
    const refusing: StepQueue = { send: async () => { throw new Error('the queue refused the job'); }, wake: () => {} };
    const attempt = (retryCount: number) => runStepAttempt(t.ctx, { data: { runId: waiting.id, step: 1 }, retryCount, retryLimit: 5 }, refusing);

    await expect(attempt(2)).rejects.toThrow('the queue refused the job');
    expect((await runsOf(t, s.site.id, workflowId, eve))[0].status).toBe('waiting');

    await expect(attempt(5)).rejects.toThrow('the queue refused the job');
    const [failed] = await runsOf(t, s.site.id, workflowId, eve);
    expect(failed.status).toBe('failed');
    expect(failed.steps[1]).toMatchObject({ type: 'send_email', outcome: 'failed', reason: 'the step failed after every retry: the queue refused the job' });
    // The step's message was rolled back with it: nothing was sent.
    expect(failed.steps[1].messageId).toBeUndefined();
  });
});

describe.each(TEST_DRIVERS)('a Wait step on %s', (driver) => {
  /** A site whose workflow waits `seconds` and then emails, and a contact's run of it held by the Wait after a grant. */
  async function waitingAfterGrant(t: TestApp, subdomain: string, seconds: number) {
    const s = await createMemberSite(t, subdomain);
    const template = await createTemplate(t, s.site.id, 'email', OFFER_WELCOME_EMAIL);
    const workflow = await createWorkflow(t, s.site.id, {
      name: `Wait ${seconds} s`,
      trigger: { type: 'offer_access_granted', offerIds: [] },
      actions: [{ type: 'wait', seconds }, { type: 'send_email', templateId: template }],
    });
    const contactId = await createContact(t, s.site.id, { email: `member@${subdomain}.example`, firstName: 'Member' });
    await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts/${contactId}/access`, { offerId: s.coursesOffer.id });
    return { s, workflow, contactId, waiting: await runIn(t, s.site.id, workflow, contactId, 'waiting') };
  }

  it('survives a process restart: the delayed job runs in the next process', async () => {
    const storage = await durableDatabase(driver);
    let t = await startTestApp(driver, ENV, { database: await storage.open() });
    try {
      const { s, workflow, contactId: dan, waiting } = await waitingAfterGrant(t, 'waits', 2);
      expect(waiting.steps).toMatchObject([{ type: 'wait', outcome: 'waiting' }]);

      // The process goes away mid-wait.
      await t.close();
      await t.ctx.database.close();
      const database = await storage.open();
      const [stored] = await database.db.select().from(workflowRuns).where(eq(workflowRuns.id, waiting.id));
      expect(stored).toMatchObject({ status: 'waiting', currentStep: 1 });
      expect(await listOutbox(database.db, s.site.id, { contactId: dan })).toHaveLength(0);

      t = await startTestApp(driver, ENV, { database });
      const run = await finishedRun(t, s.site.id, workflow, dan);
      expect(run.steps).toMatchObject([
        { type: 'wait', outcome: 'waiting' },
        { type: 'send_email', outcome: 'queued', delivery: { status: 'sent' } },
      ]);
      const [email] = await listOutbox(t.ctx.db, s.site.id, { contactId: dan });
      expect(email.subject).toBe('Welcome to Courses Pass');
      const { page } = await followMagicLink(t, magicLinkIn(email.text));
      expect(page.statusCode).toBe(200);
    } finally {
      await t.close().catch(() => {});
      await t.ctx.database.close().catch(() => {});
      await storage.destroy();
    }
  }, 90_000);

  it('a step held by a process that died is run again at once by the next sweep, and acts once', async () => {
    const storage = await durableDatabase(driver);
    let t = await startTestApp(driver, ENV, { database: await storage.open() });
    try {
      const { s, workflow, contactId: kim, waiting } = await waitingAfterGrant(t, 'takeover', 3600);
      await t.close();
      await t.ctx.database.close();

      // Another process took step 1 and died mid-step: the run names its lease, which nobody renews.
      const database = await storage.open();
      const deadLease = randomUUID();
      await database.db.insert(processLeases).values({ id: deadLease, expiresAt: new Date(Date.now() - 60_000) });
      await database.db.update(workflowRuns).set({ stepClaimedBy: deadLease }).where(eq(workflowRuns.id, waiting.id));

      // The step runs now (the sweep queues it again), not when the Wait's own job is due in an hour.
      t = await startTestApp(driver, ENV, { database });
      const run = await finishedRun(t, s.site.id, workflow, kim);
      expect(run.steps).toMatchObject([
        { type: 'wait', outcome: 'waiting' },
        { type: 'send_email', outcome: 'queued', delivery: { status: 'sent' } },
      ]);
      const [stored] = await database.db.select().from(workflowRuns).where(eq(workflowRuns.id, waiting.id));
      expect(stored).toMatchObject({ status: 'completed', stepClaimedBy: null });
      expect(await listOutbox(database.db, s.site.id, { contactId: kim })).toHaveLength(1);
    } finally {
      await t.close().catch(() => {});
      await t.ctx.database.close().catch(() => {});
      await storage.destroy();
    }
  }, 90_000);
});
