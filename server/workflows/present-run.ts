/** A run as the API shows it: its trigger, and each step's log entry with its message's outcome. */
import type { DbOrTx } from '../db/database.ts';
import { listRecipients } from '../messages/message-progress.ts';
import type { WorkflowRun } from './workflow-runs.ts';

export async function presentRun(db: DbOrTx, run: WorkflowRun) {
  const steps = await Promise.all(
    run.log.map(async (entry) => {
      if (!entry.messageId) return entry;
      const { rows } = await listRecipients(db, entry.messageId, { limit: 1, offset: 0 });
      const delivery = rows[0] && { status: rows[0].status, reason: rows[0].reason, sentAt: rows[0].sentAt };
      return delivery ? { ...entry, delivery } : entry;
    }),
  );
  return {
    id: run.id,
    workflowId: run.workflowId,
    contactId: run.contactId,
    trigger: { type: 'offer_access_granted' as const, grantId: run.grantId, offerId: run.offerId, source: run.source },
    status: run.status,
    currentStep: run.currentStep,
    nextStepAt: run.nextStepAt,
    steps,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
  };
}
