/**
 * Everything that belongs in a contact's thread, as one UNION ALL of rows of the same shape,
 * read where each domain records it (this folder owns only the inbound replies):
 * - outbound: the send pipeline's recipient rows (agents, workflows, bulk sends) with what the outbox
 *   stored as sent — a bulk send that skipped the contact is left out, a message to them alone shows
 *   why it was skipped — and outbox rows no send owns (system mail: login links, fresh links);
 * - events: `domain_events` (access granted or revoked, a learner link redeemed) and link
 *   redemption records (an expired link, a fresh link resent, a link without access);
 * - inbound: replies by SMS or email.
 * Used with a contact for a thread, and without one for the list of conversations. Times are the
 * database's where it records them (outbox, events, replies), so the sources interleave on one clock.
 */
import { sql, type SQL } from 'drizzle-orm';

export const THREAD_EVENT_TYPES = ['offer.access_granted', 'offer.access_revoked', 'link.redeemed'] as const;
export const REDEMPTION_OUTCOMES = ['expired', 'resent', 'no_access'] as const;

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Columns: contact_id, kind, id, at, channel, type, status, reason, sent_by, message_id, subject, html, text, details. */
export function threadSources(siteId: string, contactId?: string): SQL {
  const only = (column: SQL) => (contactId ? sql`and ${column} = ${contactId}::uuid` : sql``);
  return sql`
    select mr.contact_id, 'outbound'::text as kind, 'm:' || mr.message_id::text as id,
           coalesce(o.created_at, mr.sent_at, m.created_at) as at, m.channel::text as channel, null::text as type,
           mr.status::text as status, mr.reason, m.sent_by, m.id as message_id,
           o.subject, o.html, o.text, null::jsonb as details
      from message_recipients mr
      join messages m on m.id = mr.message_id
      left join outbox_messages o on o.id::text = mr.delivery_id
     where mr.site_id = ${siteId} and (mr.status <> 'skipped' or m.total = 1) ${only(sql`mr.contact_id`)}
    union all
    select o.contact_id, 'outbound', 'o:' || o.id::text, o.created_at, o.channel, null, 'sent', null, 'system', null,
           o.subject, o.html, o.text, null
      from outbox_messages o
     where o.site_id = ${siteId} and o.contact_id is not null ${only(sql`o.contact_id`)}
       and not exists (select 1 from message_recipients mr where mr.contact_id = o.contact_id and mr.delivery_id = o.id::text)
    union all
    select coalesce(e.payload->>'contactId', e.payload->>'subjectId')::uuid, 'event', 'e:' || e.id::text, e.created_at,
           null, e.type, null, null, null, null, null, null, null,
           e.payload || jsonb_build_object('offerTitle', offer.title)
      from domain_events e
      left join offers offer on offer.id::text = e.payload->>'offerId'
     where e.site_id = ${siteId} and e.type in (${list(THREAD_EVENT_TYPES)})
       and (e.type <> 'link.redeemed' or e.payload->>'kind' = 'learner')
       ${only(sql`coalesce(e.payload->>'contactId', e.payload->>'subjectId')::uuid`)}
    union all
    select r.subject_id, 'event', 'r:' || r.id::text, r.created_at, null, 'link.' || r.outcome, null, null, null, null,
           null, null, null, jsonb_build_object('jti', r.jti)
      from link_redemptions r
     where r.site_id = ${siteId} and r.subject_id is not null and r.outcome in (${list(REDEMPTION_OUTCOMES)})
       ${only(sql`r.subject_id`)}
    union all
    select i.contact_id, 'inbound', 'i:' || i.id::text, i.received_at, i.channel, null, null, null, i.sender, null,
           i.subject, i.html, i.text, null
      from inbound_messages i
     where i.site_id = ${siteId} ${only(sql`i.contact_id`)}`;
}
