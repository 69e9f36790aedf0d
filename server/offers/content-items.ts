import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { contentItems } from '../db/schema.ts';

export type ContentItem = typeof contentItems.$inferSelect;
export type ContentKind = ContentItem['kind'];

export async function listContentItems(db: DbOrTx, siteId: string, kind?: ContentKind): Promise<ContentItem[]> {
  return db
    .select()
    .from(contentItems)
    .where(and(eq(contentItems.siteId, siteId), kind ? eq(contentItems.kind, kind) : undefined))
    .orderBy(asc(contentItems.createdAt), asc(contentItems.title));
}

export async function createContentItem(
  db: DbOrTx,
  siteId: string,
  input: { kind: ContentKind; title: string; description?: string },
): Promise<ContentItem> {
  const [row] = await db
    .insert(contentItems)
    .values({ siteId, kind: input.kind, title: input.title, description: input.description ?? '' })
    .returning();
  return row;
}

/** The given ids that are items of this site; used to refuse another site's items. */
export async function siteItemIds(db: DbOrTx, siteId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(eq(contentItems.siteId, siteId), inArray(contentItems.id, ids)));
  return new Set(rows.map((r) => r.id));
}
