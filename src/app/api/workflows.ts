import { apiRequest } from './client';

export type WorkflowAction =
  | { type: 'send_email'; templateId: string }
  | { type: 'send_sms'; templateId: string }
  | { type: 'wait'; seconds?: number; minutes?: number; hours?: number; days?: number };

export interface WorkflowTrigger {
  type: 'offer_access_granted';
  /** Empty: any offer. */
  offerIds: string[];
}

export interface Workflow {
  id: string;
  name: string;
  enabled: boolean;
  trigger: WorkflowTrigger;
  actions: WorkflowAction[];
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowInput {
  name: string;
  enabled: boolean;
  trigger: WorkflowTrigger;
  actions: WorkflowAction[];
}

export interface WorkflowRun {
  id: string;
  workflowId: string;
  contactId: string;
  status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';
  currentStep: number;
  nextStepAt: string | null;
  steps: {
    step: number;
    type: WorkflowAction['type'];
    at: string;
    outcome: 'queued' | 'waiting' | 'failed' | 'cancelled';
    until?: string;
    reason?: string;
    delivery?: { status: string; reason: string | null; sentAt: string | null };
  }[];
  createdAt: string;
}

const base = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/workflows`;

export const listWorkflows = async (siteId: string) => (await apiRequest<{ workflows: Workflow[] }>('GET', base(siteId))).workflows;
export const createWorkflow = (siteId: string, input: WorkflowInput) => apiRequest<Workflow>('POST', base(siteId), { body: input });
export const updateWorkflow = (siteId: string, workflowId: string, input: Partial<WorkflowInput>) =>
  apiRequest<Workflow>('PATCH', `${base(siteId)}/${workflowId}`, { body: input });
export const deleteWorkflow = (siteId: string, workflowId: string) => apiRequest<void>('DELETE', `${base(siteId)}/${workflowId}`);
export const listRuns = async (siteId: string, workflowId: string) =>
  (await apiRequest<{ runs: WorkflowRun[] }>('GET', `${base(siteId)}/${workflowId}/runs`)).runs;
