/**
 * A member site ready for redemption tests: Site Details complete, a course and a community,
 * offers unlocking each, and contacts holding them — plus the tests' own way to mint a live link
 * (in the product only the send pipeline does that).
 */
import type { TestApp } from './test-app.ts';
import { MagicLinkMinter } from '../../server/links/mint-magic-link.ts';
import { findSiteByRef, type Site } from '../../server/sites/site-repository.ts';
import { staffUsers } from '../../server/db/schema.ts';
import { apiOk, createSite } from './fixtures.ts';

export interface MemberSiteFixture {
  site: Site;
  host: string;
  course: { id: string; title: string };
  community: { id: string; title: string };
  coursesOffer: { id: string };
  communityOffer: { id: string };
  /** Holds the courses offer only. */
  learner: { id: string; email: string };
  /** Holds nothing. */
  outsider: { id: string; email: string };
  staff: { id: string; email: string };
}

export async function createMemberSite(t: TestApp, subdomain: string): Promise<MemberSiteFixture> {
  const { id: siteId, host } = await createSite(t, subdomain);
  const post = (path: string, body: unknown) => apiOk(t, 'POST', `/api/sites/${siteId}${path}`, body);
  const course = await post('/content', { kind: 'course', title: 'Course of Secrets' });
  const community = await post('/content', { kind: 'community', title: 'Hidden Club' });
  const coursesOffer = await post('/offers', { title: 'Courses Pass', itemIds: [course.id] });
  const communityOffer = await post('/offers', { title: 'Club Pass', itemIds: [community.id], includesAffiliates: true });
  const learner = await post('/contacts', { email: `learner@${subdomain}.example`, firstName: 'Lena' });
  const outsider = await post('/contacts', { email: `outsider@${subdomain}.example`, firstName: 'Otto' });
  await post(`/contacts/${learner.id}/access`, { offerId: coursesOffer.id });
  const [staff] = await t.ctx.db
    .insert(staffUsers)
    .values({ siteId, email: `owner@${subdomain}.example`, role: 'owner' })
    .returning();
  return {
    site: (await findSiteByRef(t.ctx.db, siteId))!,
    host,
    course,
    community,
    coursesOffer,
    communityOffer,
    learner,
    outsider,
    staff: { id: staff.id, email: staff.email },
  };
}

/** Mints and records a live link, as the send pipeline would. */
export async function mintTestLink(
  t: TestApp,
  site: Site,
  subjectId: string,
  destination: string,
  kind: 'learner' | 'user' = 'learner',
): Promise<{ url: string; token: string; path: string; jti: string }> {
  const fresh = (await findSiteByRef(t.ctx.db, site.id))!;
  const minter = new MagicLinkMinter(t.ctx.db, t.ctx.keyRing, t.config);
  const link = await minter.mint({ site: fresh, kind, subjectId, destination, channel: 'email', sentBy: 'test', now: t.clock.now });
  await minter.flush();
  const url = new URL(link.url);
  return { url: link.url, token: url.searchParams.get('token')!, path: url.pathname + url.search, jti: link.jti };
}

/**
 * A login page's body without its login request id: the id is random per request (it binds the
 * "Have a code?" form to that request), so member and stranger answers are alike except for it.
 */
export const withoutLoginRequestId = (body: string): string => body.replace(/name="request" value="[0-9a-f-]+"/, '');
