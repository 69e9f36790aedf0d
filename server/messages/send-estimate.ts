/**
 * What a send would do, before it is made: how many contacts the audience holds and how many of
 * them would be skipped, by reason. Contacts are read in pages (a 100,000-contact audience never
 * sits in memory at once) and each gets the send's own verdict (recipient-skip.ts), so the
 * estimate and the send can't disagree about a contact as they are now.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../db/database.ts';
import { contacts } from '../db/schema.ts';
import { memberAccessOf, type MemberAccess } from '../offers/member-access.ts';
import type { Site } from '../sites/site-repository.ts';
import type { createMessageBody } from '../../src/contract/message-schemas.ts';
import { assertNamedContactsFound, audienceCondition } from './audience.ts';
import { resolveSendContent } from './message-service.ts';
import { recipientVerdict, skipNeedsAccess } from './recipient-skip.ts';

const PAGE = 1000;

export interface SendEstimate {
  recipients: number;
  willSend: number;
  skipped: number;
  /** Most common reason first. */
  skippedBy: Array<{ reason: string; count: number }>;
}

export async function estimateSend(db: DbOrTx, site: Site, body: z.output<typeof createMessageBody>): Promise<SendEstimate> {
  const { compiled } = await resolveSendContent(db, site, body, null);
  const chosen = audienceCondition(db, body.recipients);
  const needsAccess = skipNeedsAccess(compiled);
  const reasons = new Map<string, number>();
  const seen = new Set<string>();
  let recipients = 0;
  let after: string | null = null;
  for (;;) {
    const page: Array<typeof contacts.$inferSelect> = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.siteId, site.id), chosen, after ? gt(contacts.id, after) : undefined))
      .orderBy(asc(contacts.id))
      .limit(PAGE);
    if (page.length === 0) break;
    const ids = page.map((c) => c.id);
    const accessById = needsAccess ? await memberAccessOf(db, site.id, ids) : new Map<string, MemberAccess>();
    for (const contact of page) {
      const { reason } = recipientVerdict(compiled, body.channel, contact, accessById.get(contact.id));
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      if ('contactIds' in body.recipients) seen.add(contact.id);
    }
    recipients += page.length;
    after = ids[ids.length - 1];
    if (page.length < PAGE) break;
  }
  if ('contactIds' in body.recipients) assertNamedContactsFound([...new Set(body.recipients.contactIds)], seen);
  const skippedBy = [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const skipped = skippedBy.reduce((sum, r) => sum + r.count, 0);
  return { recipients, willSend: recipients - skipped, skipped, skippedBy };
}
