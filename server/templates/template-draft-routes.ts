import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { draftParams, draftResponse, findDraftResponse, putDraftBody } from '../../src/contract/template-draft-schemas.ts';
import { discardDraft, draftOwner, findDraft, presentDraft, putDraft } from './template-drafts.ts';

const URL = '/api/sites/:siteId/template-drafts/:draftKey';

export const templateDraftRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: URL,
    summary: "The signed-in staff member's autosaved draft of a template (null when there is none).",
    tag: 'Templates',
    auth: 'site',
    permission: 'templates.write',
    params: draftParams,
    response: findDraftResponse,
    handler: async ({ ctx, site, params, principal }) => {
      const draft = await findDraft(ctx.db, site.id, draftOwner(principal), params.draftKey);
      return { draft: draft && presentDraft(draft) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: URL,
    summary: 'Autosave work in progress on a template (not validated; saving the template validates and deletes the draft).',
    tag: 'Templates',
    auth: 'site',
    permission: 'templates.write',
    params: draftParams,
    body: putDraftBody,
    response: draftResponse,
    handler: async ({ ctx, site, params, body, principal }) =>
      presentDraft(await putDraft(ctx, site.id, draftOwner(principal), params.draftKey, body)),
  }),
  defineRoute({
    method: 'DELETE',
    url: URL,
    summary: 'Discard the draft.',
    tag: 'Templates',
    auth: 'site',
    permission: 'templates.write',
    params: draftParams,
    status: 204,
    handler: async ({ ctx, site, params, principal }) => {
      await discardDraft(ctx.db, site.id, draftOwner(principal), params.draftKey);
    },
  }),
];
