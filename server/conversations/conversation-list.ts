/** The site's conversations: contacts with anything in their thread, most recent activity first. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { cursorTime, decodeCursor, encodeCursor } from './cursor.ts';
import { threadSources } from './thread-sources.ts';

interface ConversationRow {
  id: string;
  email: string | null;
  phone: string | null;
  first_name: string;
  last_name: string;
  last_at: Date | string;
  at_key: string;
}

export async function listConversations(db: DbOrTx, siteId: string, query: { before?: string; limit: number }) {
  const cursor = query.before ? decodeCursor(query.before, 'before') : null;
  const position = cursor ? sql`where (a.last_at, c.id::text) < (${cursor.at}::timestamptz, ${cursor.id})` : sql``;
  const result = await db.execute(sql`
    select c.id::text as id, c.email, c.phone, c.first_name, c.last_name, a.last_at, ${cursorTime(sql`a.last_at`)} as at_key
      from (select s.contact_id, max(s.at) as last_at from (${threadSources(siteId)}) s group by s.contact_id) a
      join contacts c on c.id = a.contact_id and c.site_id = ${siteId}
      ${position}
     order by a.last_at desc, c.id::text desc
     limit ${query.limit + 1}`);
  const rows = (result as unknown as { rows: ConversationRow[] }).rows;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    conversations: page.map((r) => ({
      contactId: r.id,
      email: r.email,
      phone: r.phone,
      firstName: r.first_name,
      lastName: r.last_name,
      lastActivityAt: new Date(r.last_at),
    })),
    next: rows.length > query.limit && last ? encodeCursor({ at: last.at_key, id: last.id }) : null,
  };
}
