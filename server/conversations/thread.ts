/** A contact's thread, newest last, a page at a time (keyset cursors, so pages never skip or repeat). */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../db/database.ts';
import type { threadItemResponse, threadQuery } from '../../src/contract/conversation-schemas.ts';
import { cursorTime, decodeCursor, encodeCursor } from './cursor.ts';
import { threadSources } from './thread-sources.ts';

type ThreadItem = z.output<typeof threadItemResponse>;

interface ThreadRow {
  kind: ThreadItem['kind'];
  id: string;
  at: Date | string;
  at_key: string;
  channel: ThreadItem['channel'];
  type: string | null;
  status: string | null;
  reason: string | null;
  sent_by: string | null;
  message_id: string | null;
  subject: string | null;
  html: string | null;
  text: string | null;
  details: Record<string, unknown> | null;
}

const present = (r: ThreadRow): ThreadItem => ({
  id: r.id,
  kind: r.kind,
  at: new Date(r.at),
  channel: r.channel,
  type: r.type,
  status: r.status,
  reason: r.reason,
  sentBy: r.sent_by,
  messageId: r.message_id,
  subject: r.subject,
  html: r.html,
  text: r.text,
  details: r.details,
});

const cursorOf = (r: ThreadRow) => encodeCursor({ at: r.at_key, id: r.id });

export async function readThread(db: DbOrTx, siteId: string, contactId: string, query: z.output<typeof threadQuery>) {
  const forward = query.after !== undefined;
  const cursor = query.after ? decodeCursor(query.after, 'after') : query.before ? decodeCursor(query.before, 'before') : null;
  const position = cursor ? sql`where (t.at, t.id) ${forward ? sql`>` : sql`<`} (${cursor.at}::timestamptz, ${cursor.id})` : sql``;
  const order = forward ? sql`order by t.at asc, t.id asc` : sql`order by t.at desc, t.id desc`;
  const result = await db.execute(
    sql`select t.*, ${cursorTime(sql`t.at`)} as at_key from (${threadSources(siteId, contactId)}) t ${position} ${order} limit ${query.limit + 1}`,
  );
  const rows = (result as unknown as { rows: ThreadRow[] }).rows;
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (!forward) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    contactId,
    items: page.map(present),
    page: {
      // Older items exist before a backward page that was cut short, and always before a forward page's first item.
      before: first && (forward || more) ? cursorOf(first) : null,
      after: last ? cursorOf(last) : (query.after ?? null),
    },
  };
}
