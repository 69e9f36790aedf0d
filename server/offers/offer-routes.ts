import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { contactParams } from '../../src/contract/contact-schemas.ts';
import { contentItemBody, contentKindField, grantResponse, itemResponse, offerBody, offerResponse } from '../../src/contract/offer-schemas.ts';
import { createContentItem, listContentItems } from './content-items.ts';
import { createOffer, listOffers, requireOffer, updateOffer, withContents } from './offer-service.ts';
import { grantAccess, revokeAccess } from './access-grants.ts';

const presentOffer = ({ siteId: _site, ...offer }: Awaited<ReturnType<typeof withContents>>[number]) => offer;

const presentItem = ({ id, kind, title, description }: z.infer<typeof itemResponse>) => ({ id, kind, title, description });

const offerParams = z.object({ siteId: z.string(), offerId: z.uuid({ message: 'must be an offer id (UUID)' }) });
const accessParams = contactParams.extend({ offerId: z.uuid({ message: 'must be an offer id (UUID)' }) });

export const offerRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/content',
    summary: 'Create a course or community (what offers unlock).',
    tag: 'Offers',
    auth: 'site',
    permission: 'content.write',
    params: siteIdParams,
    body: contentItemBody,
    response: itemResponse,
    status: 201,
    handler: async ({ ctx, site, body }) => presentItem(await createContentItem(ctx.db, site.id, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/content',
    summary: 'Courses and communities of the site.',
    tag: 'Offers',
    auth: 'site',
    permission: 'offers.read',
    params: siteIdParams,
    query: z.object({ kind: contentKindField.optional() }),
    response: z.object({ items: z.array(itemResponse) }),
    handler: async ({ ctx, site, query }) => ({ items: (await listContentItems(ctx.db, site.id, query.kind)).map(presentItem) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/offers',
    summary: 'Create an offer and what it unlocks (courses, communities by id; the affiliate portal by flag).',
    tag: 'Offers',
    auth: 'site',
    permission: 'offers.write',
    params: siteIdParams,
    body: offerBody,
    response: offerResponse,
    status: 201,
    handler: async ({ ctx, site, body }) => presentOffer(await createOffer(ctx.db, site.id, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/offers',
    summary: 'Offers with their contents.',
    tag: 'Offers',
    auth: 'site',
    permission: 'offers.read',
    params: siteIdParams,
    response: z.object({ offers: z.array(offerResponse) }),
    handler: async ({ ctx, site }) => ({ offers: (await listOffers(ctx.db, site.id)).map(presentOffer) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/offers/:offerId',
    summary: 'An offer with its contents.',
    tag: 'Offers',
    auth: 'site',
    permission: 'offers.read',
    params: offerParams,
    response: offerResponse,
    handler: async ({ ctx, site, params }) =>
      presentOffer((await withContents(ctx.db, [await requireOffer(ctx.db, site.id, params.offerId)]))[0]),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/sites/:siteId/offers/:offerId',
    summary: 'Update an offer; itemIds, when sent, replaces what it unlocks.',
    tag: 'Offers',
    auth: 'site',
    permission: 'offers.write',
    params: offerParams,
    body: offerBody.partial(),
    response: offerResponse,
    handler: async ({ ctx, site, params, body }) => presentOffer(await updateOffer(ctx.db, site.id, params.offerId, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/contacts/:contactId/access',
    summary: 'Grant an offer to a contact (emits offer.access_granted once; granting again changes nothing).',
    tag: 'Access',
    auth: 'site',
    permission: 'access.write',
    params: contactParams,
    body: z.strictObject({ offerId: z.uuid({ message: 'must be an offer id (UUID)' }) }),
    response: grantResponse,
    status: 201,
    handler: async ({ ctx, site, params, body, reply }) => {
      const { grant, created } = await grantAccess(ctx, site.id, params.contactId, body.offerId, 'api');
      const { siteId: _site, ...rest } = grant;
      return reply.status(created ? 201 : 200).send({ ...rest, created });
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/sites/:siteId/contacts/:contactId/access/:offerId',
    summary: 'Revoke an offer from a contact (emits offer.access_revoked).',
    tag: 'Access',
    auth: 'site',
    permission: 'access.write',
    params: accessParams,
    status: 204,
    handler: async ({ ctx, site, params }) => {
      await revokeAccess(ctx, site.id, params.contactId, params.offerId);
    },
  }),
];
