/**
 * What each message achieved: delivered, members who logged in with one of its links, logins per
 * link (which button or link brought them in), time from send to each member's first login
 * (median and p90), and refused logins by reason. Four grouped queries over the site's most
 * recent messages, joined through magic_links.message_id; nothing per recipient in JS.
 */
import { and, count, countDistinct, desc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { messageAnalyticsResponse } from '../../src/contract/link-schemas.ts';
import { CHANNEL_INFO } from '../../src/template/channel.ts';
import type { DbOrTx } from '../db/database.ts';
import { linkRedemptions, magicLinks, messageRecipients, messages, messageTemplates } from '../db/schema.ts';
import { failureGuide } from './link-activity.ts';

export type MessageAnalytics = z.output<typeof messageAnalyticsResponse>;

/** Outcomes that are neither a login nor a refusal (a fresh link was sent instead). */
const NOT_A_FAILURE = ['ok', 'resent'];

export async function messageAnalytics(db: DbOrTx, siteId: string, limit: number): Promise<MessageAnalytics[]> {
  const recent = await db
    .select({
      id: messages.id,
      sentAt: messages.createdAt,
      channel: messages.channel,
      templateName: messageTemplates.name,
      subject: sql<string | null>`${messages.content}->>'subject'`,
      total: messages.total,
    })
    .from(messages)
    .leftJoin(messageTemplates, eq(messageTemplates.id, messages.templateId))
    .where(eq(messages.siteId, siteId))
    .orderBy(desc(messages.createdAt))
    .limit(limit);
  if (recent.length === 0) return [];
  const ids = recent.map((m) => m.id);

  const fromMessages = and(eq(magicLinks.siteId, siteId), inArray(magicLinks.messageId, ids));
  const redemptionsOfMessages = db
    .select({ messageId: magicLinks.messageId, destination: magicLinks.destination, outcome: linkRedemptions.outcome, subjectId: linkRedemptions.subjectId, at: linkRedemptions.createdAt })
    .from(linkRedemptions)
    .innerJoin(magicLinks, eq(magicLinks.jti, linkRedemptions.jti))
    .where(fromMessages)
    .as('r');

  const [statuses, byLink, failures, firsts] = await Promise.all([
    db
      .select({ messageId: messageRecipients.messageId, status: messageRecipients.status, n: count() })
      .from(messageRecipients)
      .where(inArray(messageRecipients.messageId, ids))
      .groupBy(messageRecipients.messageId, messageRecipients.status),
    db
      .select({ messageId: redemptionsOfMessages.messageId, destination: redemptionsOfMessages.destination, n: count(), members: countDistinct(redemptionsOfMessages.subjectId) })
      .from(redemptionsOfMessages)
      .where(eq(redemptionsOfMessages.outcome, 'ok'))
      .groupBy(redemptionsOfMessages.messageId, redemptionsOfMessages.destination),
    db
      .select({ messageId: redemptionsOfMessages.messageId, outcome: redemptionsOfMessages.outcome, n: count() })
      .from(redemptionsOfMessages)
      .where(notInArray(redemptionsOfMessages.outcome, NOT_A_FAILURE))
      .groupBy(redemptionsOfMessages.messageId, redemptionsOfMessages.outcome),
    firstLoginPercentiles(db, siteId, ids),
  ]);

  return recent.map((m) => {
    const statusCount = (status: string) => statuses.find((s) => s.messageId === m.id && s.status === status)?.n ?? 0;
    const links = byLink
      .filter((row) => row.messageId === m.id)
      .map((row) => ({ destination: row.destination, logins: row.n, members: row.members }))
      .sort((a, b) => b.logins - a.logins || a.destination.localeCompare(b.destination));
    const first = firsts.get(m.id);
    return {
      id: m.id,
      sentAt: m.sentAt,
      channel: m.channel,
      title: m.templateName ?? m.subject ?? CHANNEL_INFO[m.channel].label,
      recipients: m.total,
      delivered: statusCount('sent'),
      skipped: statusCount('skipped'),
      failed: statusCount('failed'),
      membersLoggedIn: first?.members ?? 0,
      logins: links.reduce((sum, link) => sum + link.logins, 0),
      byLink: links,
      firstLoginSeconds: first ? { median: first.median, p90: first.p90 } : null,
      failures: failures
        .filter((row) => row.messageId === m.id)
        .sort((a, b) => b.n - a.n)
        .map((row) => ({ outcome: row.outcome, count: row.n, label: failureGuide(row.outcome).label })),
    };
  });
}

/** Per message: how many members logged in, and the median and p90 of their first login's delay. */
async function firstLoginPercentiles(db: DbOrTx, siteId: string, ids: string[]) {
  const firsts = db
    .select({ messageId: magicLinks.messageId, subjectId: linkRedemptions.subjectId, first: sql<Date>`min(${linkRedemptions.createdAt})`.as('first') })
    .from(linkRedemptions)
    .innerJoin(magicLinks, eq(magicLinks.jti, linkRedemptions.jti))
    .where(and(eq(magicLinks.siteId, siteId), inArray(magicLinks.messageId, ids), eq(linkRedemptions.outcome, 'ok'), isNotNull(linkRedemptions.subjectId)))
    .groupBy(magicLinks.messageId, linkRedemptions.subjectId)
    .as('f');
  const delay = sql`extract(epoch from (${firsts.first} - ${messages.createdAt}))`;
  const rows = await db
    .select({
      messageId: firsts.messageId,
      members: count(),
      median: sql<number>`percentile_cont(0.5) within group (order by ${delay})`.mapWith(Number),
      p90: sql<number>`percentile_cont(0.9) within group (order by ${delay})`.mapWith(Number),
    })
    .from(firsts)
    .innerJoin(messages, eq(messages.id, firsts.messageId))
    .groupBy(firsts.messageId);
  return new Map(rows.filter((row) => row.messageId !== null).map((row) => [row.messageId!, { members: row.members, median: Math.round(row.median), p90: Math.round(row.p90) }]));
}
