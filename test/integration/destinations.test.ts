/** Every destination a magic link may name answers on the member site: none leads to a 404. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEARNER_SECTIONS, itemPath } from '../../src/template/destinations.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';

describe.each(TEST_DRIVERS)('member routes for every destination on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: s.host } });

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'school');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens the login form at each section and each item page, and a 404 elsewhere', async () => {
    const paths = [...LEARNER_SECTIONS.map((d) => d.path), itemPath('course', s.course.id), itemPath('community', s.community.id)];
    for (const path of paths) {
      const res = await get(`/${path}`);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain('Email me a login link');
    }
    expect((await get('/dashboard')).statusCode).toBe(404);
  });
});
