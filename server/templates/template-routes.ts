import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import {
  createTemplateBody,
  listTemplatesQuery,
  templateParams,
  templateResponse,
  updateTemplateBody,
} from '../../src/contract/template-schemas.ts';
import { discardDraftAfterSave, newTemplateDraftKey } from './template-drafts.ts';
import { createTemplate, deleteTemplate, duplicateTemplate, listTemplates, presentTemplate, requireTemplate, updateTemplate } from './template-service.ts';

export const templateRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/templates',
    summary:
      'Store a composer document as a template. Custom values are checked against the catalog and the site\'s custom fields (400 names the path); it is compiled once and cached per version.',
    tag: 'Templates',
    auth: 'site',
    permission: 'templates.write',
    params: siteIdParams,
    body: createTemplateBody,
    response: templateResponse,
    status: 201,
    handler: async ({ ctx, site, body, principal }) => {
      const template = await createTemplate(ctx, site.id, body);
      await discardDraftAfterSave(ctx.db, site.id, principal, newTemplateDraftKey(body.channel));
      return presentTemplate(template);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/templates',
    summary: 'List templates, optionally of one channel or whose name contains `search`.',
    tag: 'Templates',
    auth: 'site',
    permission: 'templates.read',
    params: siteIdParams,
    query: listTemplatesQuery,
    response: z.object({ templates: z.array(templateResponse) }),
    handler: async ({ ctx, site, query }) => ({
      templates: await Promise.all((await listTemplates(ctx.db, site.id, query)).map(presentTemplate)),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/templates/:templateId',
    summary: 'A template.',
    tag: 'Templates',
    auth: 'site',
    permission: 'templates.read',
    params: templateParams,
    response: templateResponse,
    handler: async ({ ctx, site, params }) => presentTemplate(await requireTemplate(ctx.db, site.id, params.templateId)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/sites/:siteId/templates/:templateId',
    summary: "Rename a template or replace its content (validated again; a new version is compiled). The caller's draft of it is deleted.",
    tag: 'Templates',
    auth: 'site',
    permission: 'templates.write',
    params: templateParams,
    body: updateTemplateBody,
    response: templateResponse,
    handler: async ({ ctx, site, params, body, principal }) => {
      const template = await updateTemplate(ctx, site.id, params.templateId, body);
      await discardDraftAfterSave(ctx.db, site.id, principal, template.id);
      return presentTemplate(template);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/templates/:templateId/duplicate',
    summary: 'Copy a template as "<name> (copy)": same channel and content, version 1, checked like a new template.',
    tag: 'Templates',
    auth: 'site',
    permission: 'templates.write',
    params: templateParams,
    response: templateResponse,
    status: 201,
    handler: async ({ ctx, site, params }) => presentTemplate(await duplicateTemplate(ctx, site.id, params.templateId)),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/sites/:siteId/templates/:templateId',
    summary:
      'Delete a template and its drafts (sends made from it keep their copy). 409 `template_in_use` while a workflow sends it, naming the workflows (`workflows: [{id, name}]`).',
    tag: 'Templates',
    auth: 'site',
    permission: 'templates.write',
    params: templateParams,
    status: 204,
    handler: async ({ ctx, site, params }) => {
      await deleteTemplate(ctx, site.id, params.templateId);
    },
  }),
];
