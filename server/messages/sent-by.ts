/**
 * Who made a send, for people: `messages.sent_by` is `staff:<id>`, `api-key:<id>`, `workflow:<id>`
 * or `operator`; the names are looked up for a whole page at once (null once the sender is gone).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { apiKeys, staffUsers, workflows } from '../db/schema.ts';

export type SentByKind = 'staff' | 'api-key' | 'workflow' | 'operator' | 'other';
export interface SentBy {
  kind: SentByKind;
  id: string | null;
  name: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseSentBy(sentBy: string): { kind: SentByKind; id: string | null } {
  if (sentBy === 'operator') return { kind: 'operator', id: null };
  const [kind, id] = sentBy.split(':', 2);
  if ((kind === 'staff' || kind === 'api-key' || kind === 'workflow') && id && UUID.test(id)) return { kind, id };
  return { kind: 'other', id: null };
}

/** Names every sender of `sentBys` (one query per kind present), keyed by the raw `sent_by`. */
export async function describeSenders(db: DbOrTx, siteId: string, sentBys: string[]): Promise<Map<string, SentBy>> {
  const parsed = [...new Set(sentBys)].map((raw) => ({ raw, ...parseSentBy(raw) }));
  const idsOf = (kind: SentByKind) => parsed.filter((p) => p.kind === kind).map((p) => p.id!);
  const names = new Map<string, string>();
  const staffIds = idsOf('staff');
  if (staffIds.length) {
    const rows = await db.select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email }).from(staffUsers).where(and(eq(staffUsers.siteId, siteId), inArray(staffUsers.id, staffIds)));
    for (const row of rows) names.set(`staff:${row.id}`, row.name || row.email);
  }
  const keyIds = idsOf('api-key');
  if (keyIds.length) {
    const rows = await db.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(and(eq(apiKeys.siteId, siteId), inArray(apiKeys.id, keyIds)));
    for (const row of rows) names.set(`api-key:${row.id}`, row.name);
  }
  const workflowIds = idsOf('workflow');
  if (workflowIds.length) {
    const rows = await db.select({ id: workflows.id, name: workflows.name }).from(workflows).where(and(eq(workflows.siteId, siteId), inArray(workflows.id, workflowIds)));
    for (const row of rows) names.set(`workflow:${row.id}`, row.name);
  }
  return new Map(parsed.map((p) => [p.raw, { kind: p.kind, id: p.id, name: p.kind === 'operator' ? 'Operator' : (names.get(p.raw) ?? null) }]));
}
