/**
 * Activity for the admin dashboard: per day, links sent (minted), redeemed, expired and failed,
 * and the top failure reasons with what to do about each. Two grouped queries over indexed
 * (site_id, time) columns; the day is the UTC day.
 */
import { and, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { linkRedemptions, magicLinks } from '../db/schema.ts';
import { UNKNOWN_SHORT_LINK_OUTCOME } from './short-links.ts';

export interface ActivityDay {
  day: string;
  sent: number;
  redeemed: number;
  expired: number;
  failed: number;
}

export interface FailureReason {
  outcome: string;
  count: number;
  label: string;
  fix: string;
}

/** What each recorded failure outcome means to support, and its fix. */
const FAILURE_GUIDE: Record<string, { label: string; fix: string }> = {
  expired: { label: 'Link expired', fix: 'Members can click "Send me a new link"; consider a longer learner link lifetime in Site Details.' },
  no_access: { label: 'Contact holds no active offer', fix: 'Grant the contact an offer, or check that a payment webhook granted it.' },
  'invalid:revoked': { label: 'Link revoked', fix: 'Links were revoked with "revoke all links"; send a new one.' },
  'invalid:used_up': { label: 'Single-use link already used', fix: 'Send a new link, or allow more uses in the link policy.' },
  'invalid:bad_signature': { label: 'Tampered or mangled link', fix: 'Usually a mail client or person edited the link; send a new one.' },
  'invalid:malformed': { label: 'Incomplete link', fix: 'The link was cut when copied; ask the member to click it rather than copy it.' },
  'invalid:wrong_site': { label: "Another site's link", fix: 'The member used a link from a different site.' },
  'invalid:wrong_audience': { label: 'Wrong kind of link', fix: 'Send Learner Links to members and User Links to staff.' },
  'invalid:unknown_key': { label: 'Unknown signing key', fix: 'Send a new link.' },
  'invalid:retired_key': { label: 'Signing key retired', fix: 'Send a new link; it will use the current key.' },
  'invalid:unknown': { label: 'Link not on record', fix: 'The contact may have been deleted; send a new link.' },
  [UNKNOWN_SHORT_LINK_OUTCOME]: {
    label: 'Short link not on record',
    fix: 'The short link was mistyped or cut off (or guessed); ask the member to tap the link in the text rather than type it.',
  },
};

/** The label and fix of a recorded outcome; one no guide entry names is shown as recorded. */
export function failureGuide(outcome: string): { label: string; fix: string } {
  return FAILURE_GUIDE[outcome] ?? { label: outcome, fix: 'Inspect one of the links with the link inspector.' };
}

const dayOf = (column: unknown) => sql<string>`to_char(date_trunc('day', ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;

export async function linkActivity(
  db: DbOrTx,
  siteId: string,
  since: Date,
  until: Date,
): Promise<{ days: ActivityDay[]; topFailures: FailureReason[] }> {
  const sentDay = dayOf(magicLinks.issuedAt);
  const redemptionDay = dayOf(linkRedemptions.createdAt);
  const [sent, outcomes] = await Promise.all([
    db
      .select({ day: sentDay, n: count() })
      .from(magicLinks)
      .where(and(eq(magicLinks.siteId, siteId), gte(magicLinks.issuedAt, since), lte(magicLinks.issuedAt, until)))
      .groupBy(sentDay),
    db
      .select({ day: redemptionDay, outcome: linkRedemptions.outcome, n: count() })
      .from(linkRedemptions)
      .where(and(eq(linkRedemptions.siteId, siteId), gte(linkRedemptions.createdAt, since), lte(linkRedemptions.createdAt, until)))
      .groupBy(redemptionDay, linkRedemptions.outcome),
  ]);

  const days = new Map<string, ActivityDay>();
  for (let t = Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate()); t <= until.getTime(); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.set(day, { day, sent: 0, redeemed: 0, expired: 0, failed: 0 });
  }
  const at = (day: string) => days.get(day)!;
  for (const row of sent) at(row.day).sent += row.n;
  const failures = new Map<string, number>();
  for (const row of outcomes) {
    const entry = at(row.day);
    if (row.outcome === 'ok') entry.redeemed += row.n;
    else if (row.outcome === 'resent') continue;
    else {
      if (row.outcome === 'expired') entry.expired += row.n;
      else entry.failed += row.n;
      failures.set(row.outcome, (failures.get(row.outcome) ?? 0) + row.n);
    }
  }
  const topFailures = [...failures]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([outcome, n]) => ({ outcome, count: n, ...failureGuide(outcome) }));
  return { days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)), topFailures };
}
