import type { ApiRequest, ApiResponse } from '../../contract/wire';
import type { createWorkflowBody, runResponse, workflowResponse } from '../../contract/workflow-schemas';
import { apiRequest } from './client';

export type Workflow = ApiResponse<typeof workflowResponse>;
export type WorkflowAction = Workflow['actions'][number];
export type WorkflowTrigger = Workflow['trigger'];
export type WorkflowInput = ApiRequest<typeof createWorkflowBody>;
export type WorkflowRun = ApiResponse<typeof runResponse>;

const base = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/workflows`;

export const listWorkflows = async (siteId: string) => (await apiRequest<{ workflows: Workflow[] }>('GET', base(siteId))).workflows;
export const createWorkflow = (siteId: string, input: WorkflowInput) => apiRequest<Workflow>('POST', base(siteId), { body: input });
export const updateWorkflow = (siteId: string, workflowId: string, input: Partial<WorkflowInput>) =>
  apiRequest<Workflow>('PATCH', `${base(siteId)}/${workflowId}`, { body: input });
export const deleteWorkflow = (siteId: string, workflowId: string) => apiRequest<void>('DELETE', `${base(siteId)}/${workflowId}`);
export const listRuns = async (siteId: string, workflowId: string) =>
  (await apiRequest<{ runs: WorkflowRun[] }>('GET', `${base(siteId)}/${workflowId}/runs`)).runs;
