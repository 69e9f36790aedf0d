import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { presentRun } from './present-run.ts';
import { listRuns } from './workflow-runs.ts';
import {
  createWorkflowBody,
  runResponse,
  runsQuery,
  updateWorkflowBody,
  workflowParams,
  workflowResponse,
} from '../../src/contract/workflow-schemas.ts';
import { createWorkflow, deleteWorkflow, listWorkflows, presentWorkflow, requireWorkflow, updateWorkflow } from './workflow-service.ts';

export const workflowRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/workflows',
    summary:
      'Create a workflow: trigger Offer Access Granted (optionally for chosen offers) and ordered actions (send_email, send_sms with a template of that channel, wait). Templates get {{offer.*}} of the granted offer.',
    tag: 'Workflows',
    auth: 'site',
    permission: 'workflows.write',
    params: siteIdParams,
    body: createWorkflowBody,
    response: workflowResponse,
    status: 201,
    handler: async ({ ctx, site, body }) => presentWorkflow(await createWorkflow(ctx, site.id, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/workflows',
    summary: "The site's workflows.",
    tag: 'Workflows',
    auth: 'site',
    permission: 'workflows.read',
    params: siteIdParams,
    response: z.object({ workflows: z.array(workflowResponse) }),
    handler: async ({ ctx, site }) => ({ workflows: (await listWorkflows(ctx.db, site.id)).map(presentWorkflow) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/workflows/:workflowId',
    summary: 'A workflow.',
    tag: 'Workflows',
    auth: 'site',
    permission: 'workflows.read',
    params: workflowParams,
    response: workflowResponse,
    handler: async ({ ctx, site, params }) => presentWorkflow(await requireWorkflow(ctx.db, site.id, params.workflowId)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/sites/:siteId/workflows/:workflowId',
    summary: 'Rename, enable or disable (a disabled workflow starts no runs, and runs in progress stop at their next step), or change trigger or actions.',
    tag: 'Workflows',
    auth: 'site',
    permission: 'workflows.write',
    params: workflowParams,
    body: updateWorkflowBody,
    response: workflowResponse,
    handler: async ({ ctx, site, params, body }) => presentWorkflow(await updateWorkflow(ctx, site.id, params.workflowId, body)),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/sites/:siteId/workflows/:workflowId',
    summary: 'Delete a workflow and its run history.',
    tag: 'Workflows',
    auth: 'site',
    permission: 'workflows.write',
    params: workflowParams,
    status: 204,
    handler: async ({ ctx, site, params }) => {
      await deleteWorkflow(ctx, site.id, params.workflowId);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/workflows/:workflowId/runs',
    summary: "Run history, newest first: one run per grant, with each step's outcome and the message it sent.",
    tag: 'Workflows',
    auth: 'site',
    permission: 'workflows.read',
    params: workflowParams,
    query: runsQuery,
    response: z.object({ runs: z.array(runResponse) }),
    handler: async ({ ctx, site, params, query }) => {
      const workflow = await requireWorkflow(ctx.db, site.id, params.workflowId);
      const runs = await listRuns(ctx.db, workflow.id, query);
      return { runs: await Promise.all(runs.map((run) => presentRun(ctx.db, run))) };
    },
  }),
];
