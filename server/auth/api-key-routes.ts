/** A site's API keys, each with a role: created (the key shown once), listed without secrets, revoked. */
import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { notFound } from '../http/api-error.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { roleField } from '../../src/contract/fields.ts';
import { apiKeySummaryResponse, createdApiKeyResponse } from '../../src/contract/staff-schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';


export const apiKeyRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/api-keys',
    summary: "The site's live API keys with their roles (never the keys themselves).",
    tag: 'API keys',
    auth: 'site',
    permission: 'apiKeys.manage',
    params: siteIdParams,
    response: z.object({ apiKeys: z.array(apiKeySummaryResponse) }),
    handler: async ({ ctx, site }) => ({ apiKeys: await listApiKeys(ctx.db, site.id) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/api-keys',
    summary: 'Create an API key with a role. The key is in this answer only: store it now; only its hash is kept.',
    tag: 'API keys',
    auth: 'site',
    permission: 'apiKeys.manage',
    params: siteIdParams,
    body: z.strictObject({ name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'), role: roleField }),
    response: createdApiKeyResponse,
    status: 201,
    handler: async ({ ctx, site, body }) => {
      const created = await createApiKey(ctx.db, site.id, body.name, body.role);
      return { id: created.id, name: body.name, prefix: created.prefix, role: created.role, key: created.key };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/sites/:siteId/api-keys/:keyId',
    summary: 'Revoke an API key: it stops working at once.',
    tag: 'API keys',
    auth: 'site',
    permission: 'apiKeys.manage',
    params: siteIdParams.extend({ keyId: z.uuid('must be an API key id') }),
    status: 204,
    handler: async ({ ctx, site, params }) => {
      if (!(await revokeApiKey(ctx.db, site.id, params.keyId, ctx.now()))) throw notFound('API key');
    },
  }),
];
