import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { sites } from '../db/schema.ts';
import { isUuidAnyCase } from '../../src/template/uuid.ts';

export type Site = typeof sites.$inferSelect;


/** A site by id, or by subdomain when the reference is not a UUID. */
export async function findSiteByRef(db: DbOrTx, ref: string): Promise<Site | null> {
  const condition = isUuidAnyCase(ref) ? eq(sites.id, ref) : eq(sites.subdomain, ref.toLowerCase());
  const [row] = await db.select().from(sites).where(condition).limit(1);
  return row ?? null;
}

export async function findSiteBySubdomain(db: DbOrTx, subdomain: string): Promise<Site | null> {
  const [row] = await db.select().from(sites).where(eq(sites.subdomain, subdomain)).limit(1);
  return row ?? null;
}
