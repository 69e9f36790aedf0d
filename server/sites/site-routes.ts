import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { createSiteBody, siteIdParams, siteMagicLinksResponse, siteResponse, updateSiteBody } from '../../src/contract/site-schemas.ts';
import { presentSite } from './site-details.ts';
import { createSite, listSitesFor, updateSite } from './site-service.ts';
import { siteMagicLinks } from './site-magic-links.ts';
import { conflict } from '../http/api-error.ts';

export const siteRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites',
    summary: 'Create a site (operator key). Its first signing key is created with it.',
    tag: 'Sites',
    auth: 'bootstrap',
    permission: 'sites.create',
    body: createSiteBody,
    response: siteResponse,
    status: 201,
    handler: async ({ ctx, body }) => presentSite(await createSite(ctx, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites',
    summary: 'The sites the caller may use.',
    tag: 'Sites',
    auth: 'principal',
    permission: 'sites.list',
    response: z.object({ sites: z.array(siteResponse) }),
    handler: async ({ ctx, principal }) => ({ sites: (await listSitesFor(ctx, principal!)).map(presentSite) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId',
    summary: 'Site Details, with which required fields are still missing.',
    tag: 'Sites',
    auth: 'site',
    permission: 'site.read',
    params: siteIdParams,
    response: siteResponse,
    handler: async ({ site }) => presentSite(site),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/sites/:siteId',
    summary: 'Update Site Details and the link policy. Only the fields sent change.',
    tag: 'Sites',
    auth: 'site',
    permission: 'site.write',
    params: siteIdParams,
    body: updateSiteBody,
    response: siteResponse,
    handler: async ({ ctx, site, body }) => presentSite(await updateSite(ctx, site.id, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/magic-links',
    summary:
      'The Learner Link and User Link as custom values with their URL shapes, the plain URL (manual login) and the destinations. 409 while Site Details are incomplete.',
    tag: 'Sites',
    auth: 'site',
    permission: 'site.read',
    params: siteIdParams,
    response: siteMagicLinksResponse,
    handler: async ({ ctx, site }) => {
      const links = await siteMagicLinks(ctx, site);
      if ('missing' in links) {
        throw conflict('site_details_incomplete', `Complete Site Details first: missing ${links.missing.join(', ')}`, undefined, {
          missing: links.missing,
        });
      }
      return links;
    },
  }),
];
