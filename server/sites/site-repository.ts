import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { sites } from '../db/schema.ts';

export type Site = typeof sites.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A site by id, or by subdomain when the reference is not a UUID. */
export async function findSiteByRef(db: DbOrTx, ref: string): Promise<Site | null> {
  const condition = UUID.test(ref) ? eq(sites.id, ref) : eq(sites.subdomain, ref.toLowerCase());
  const [row] = await db.select().from(sites).where(condition).limit(1);
  return row ?? null;
}

export async function findSiteBySubdomain(db: DbOrTx, subdomain: string): Promise<Site | null> {
  const [row] = await db.select().from(sites).where(eq(sites.subdomain, subdomain)).limit(1);
  return row ?? null;
}
