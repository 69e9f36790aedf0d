/**
 * The custom values a site's templates may use: the built-in catalog plus the custom contact
 * fields the site's contacts actually have (`contact.custom.<key>`).
 */
import { sql } from 'drizzle-orm';
import { DEFAULT_CATALOG, catalogForContext, extendCatalog, type CustomValue } from '../../src/template/index.ts';
import type { DbOrTx } from '../db/database.ts';

export async function siteCustomFieldKeys(db: DbOrTx, siteId: string): Promise<string[]> {
  const result = await db.execute(
    sql`select distinct jsonb_object_keys(custom_fields) as key from contacts where site_id = ${siteId} order by 1`,
  );
  return (result as unknown as { rows: Array<{ key: string }> }).rows.map((row) => row.key);
}

/**
 * `workflow`: everything, including values only a workflow or an offer's audience can fill
 * ({{offer.title}}). `broadcast`: without those.
 */
export async function siteCatalog(db: DbOrTx, siteId: string, context: 'broadcast' | 'workflow'): Promise<CustomValue[]> {
  const fields = (await siteCustomFieldKeys(db, siteId)).map((key) => ({ key, label: key.replace(/_/g, ' ') }));
  return catalogForContext(extendCatalog(DEFAULT_CATALOG, fields), context);
}
