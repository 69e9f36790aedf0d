/**
 * Managing the template list on both drivers: search by name (capitals ignored, `%` and `_` taken
 * literally), duplicate (a new template, version 1, same content), and delete — refused with 409
 * naming the workflow while one sends the template, allowed once it no longer does; sends made from
 * a deleted template keep their own copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk, createWorkflow } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { LINK_SMS, NEWS_EMAIL, createSiteFixture, type SiteFixture } from './delivery-support.ts';

describe.each(TEST_DRIVERS)('the template library on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  const templates = (path: string) => `/api/sites/${s.siteId}/templates${path}`;
  const create = async (name: string, channel: 'email' | 'sms' = 'email') => {
    const res = await t.api('POST', templates(''), { name, channel, content: channel === 'email' ? NEWS_EMAIL : LINK_SMS });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  };
  const names = async (query: string) => (await apiOk(t, 'GET', templates(query))).templates.map((x: { name: string }) => x.name);

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createSiteFixture(t, 'library');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds templates by part of their name, ignoring capitals, with % and _ meaning themselves', async () => {
    await create('Spring newsletter');
    await create('Welcome to Piano Club');
    await create('100% off_today', 'sms');
    expect(await names('?search=NEWS')).toEqual(['Spring newsletter']);
    expect(await names('?search=piano%20club')).toEqual(['Welcome to Piano Club']);
    expect(await names('?search=%25')).toEqual(['100% off_today']);
    expect(await names('?search=_')).toEqual(['100% off_today']);
    expect(await names('?search=welcome&channel=sms')).toEqual([]);
    expect((await names('?search=%20%20')).length).toBe(3);
  });

  it('duplicates a template as a new one named "(copy)", version 1, same channel and content', async () => {
    const original = await create('Course reminder', 'sms');
    const copy = await t.api('POST', templates(`/${original.id}/duplicate`));
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ name: 'Course reminder (copy)', channel: 'sms', version: 1, content: LINK_SMS });
    expect(copy.json().id).not.toBe(original.id);
    expect((await t.api('POST', templates('/00000000-0000-4000-8000-000000000000/duplicate'))).statusCode).toBe(404);
  });

  it('refuses to delete a template a workflow sends, naming the workflow; deletes it once no workflow does', async () => {
    const used = await create('Welcome email');
    const wait = { type: 'wait', minutes: 5 };
    const workflowId = await createWorkflow(t, s.siteId, {
      name: 'Piano welcome',
      trigger: { type: 'offer_access_granted', offerIds: [s.offerId] },
      actions: [wait, { type: 'send_email', templateId: used.id }],
    });

    const refused = await t.api('DELETE', templates(`/${used.id}`));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'template_in_use',
      message: '“Welcome email” is sent by the workflow “Piano welcome”: remove it from that workflow first',
      workflows: [{ id: workflowId, name: 'Piano welcome' }],
    });
    expect((await t.api('GET', templates(`/${used.id}`))).statusCode).toBe(200);

    // A send made from it keeps its own copy of the document.
    const sent = await t.api('POST', `/api/sites/${s.siteId}/messages`, { templateId: used.id, channel: 'email', recipients: { all: true } });
    expect(sent.statusCode, sent.body).toBe(202);

    const edited = await t.api('PATCH', `/api/sites/${s.siteId}/workflows/${workflowId}`, { actions: [wait] });
    expect(edited.statusCode, edited.body).toBe(200);
    const deleted = await t.api('DELETE', templates(`/${used.id}`));
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await t.api('GET', templates(`/${used.id}`))).statusCode).toBe(404);
    expect((await t.api('DELETE', templates(`/${used.id}`))).statusCode).toBe(404);
    const message = await t.api('GET', `/api/sites/${s.siteId}/messages/${sent.json().id}`);
    expect(message.statusCode, message.body).toBe(200);
  });
});
