import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { accessGrants, contacts } from '../db/schema.ts';
import { conflict, notFound } from '../http/api-error.ts';
import type { createContactBody, listContactsQuery, updateContactBody } from '../../src/contract/contact-schemas.ts';

export type Contact = typeof contacts.$inferSelect;

export function presentContact(c: Contact) {
  return {
    id: c.id,
    email: c.email,
    phone: c.phone,
    firstName: c.firstName,
    lastName: c.lastName,
    customFields: c.customFields,
    unsubscribed: c.unsubscribedAt !== null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export async function findContact(db: DbOrTx, siteId: string, contactId: string): Promise<Contact | null> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.siteId, siteId), eq(contacts.id, contactId)))
    .limit(1);
  return row ?? null;
}

/** The contact of this site, or 404 — also for a contact that exists on another site. */
export async function requireContact(db: DbOrTx, siteId: string, contactId: string): Promise<Contact> {
  const contact = await findContact(db, siteId, contactId);
  if (!contact) throw notFound('Contact');
  return contact;
}

async function assertEmailFree(db: DbOrTx, siteId: string, email: string | null | undefined, exceptId?: string) {
  if (!email) return;
  const [taken] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.siteId, siteId), eq(contacts.email, email)))
    .limit(1);
  if (taken && taken.id !== exceptId) {
    throw conflict('already_exists', `email: another contact already has ${email}`, 'email', { contactId: taken.id });
  }
}

export async function createContact(
  ctx: AppContext,
  siteId: string,
  input: z.output<typeof createContactBody>,
): Promise<Contact> {
  await assertEmailFree(ctx.db, siteId, input.email);
  const [row] = await ctx.db
    .insert(contacts)
    .values({
      siteId,
      email: input.email ?? null,
      phone: input.phone ?? null,
      firstName: input.firstName ?? '',
      lastName: input.lastName ?? '',
      customFields: input.customFields ?? {},
    })
    .returning();
  return row;
}

export async function updateContact(
  ctx: AppContext,
  siteId: string,
  contactId: string,
  input: z.output<typeof updateContactBody>,
): Promise<Contact> {
  const current = await requireContact(ctx.db, siteId, contactId);
  const email = input.email === undefined ? current.email : input.email;
  const phone = input.phone === undefined ? current.phone : input.phone;
  if (!email && !phone) throw conflict('unreachable', 'email: a contact needs an email or a phone number', 'email');
  await assertEmailFree(ctx.db, siteId, input.email, contactId);
  const [row] = await ctx.db
    .update(contacts)
    .set({
      email,
      phone,
      ...(input.firstName !== undefined && { firstName: input.firstName }),
      ...(input.lastName !== undefined && { lastName: input.lastName }),
      // Custom fields merge: a key set to "" is removed, others are kept.
      ...(input.customFields !== undefined && { customFields: mergeCustomFields(current.customFields, input.customFields) }),
      ...(input.unsubscribed !== undefined && { unsubscribedAt: input.unsubscribed ? ctx.now() : null }),
      updatedAt: ctx.now(),
    })
    .where(eq(contacts.id, contactId))
    .returning();
  return row;
}

export function mergeCustomFields(current: Record<string, string>, changes: Record<string, string>): Record<string, string> {
  const merged = { ...current, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === '') delete merged[key];
  return merged;
}

export async function deleteContact(ctx: AppContext, siteId: string, contactId: string): Promise<void> {
  await requireContact(ctx.db, siteId, contactId);
  await ctx.db.delete(contacts).where(and(eq(contacts.siteId, siteId), eq(contacts.id, contactId)));
}

export async function listContacts(
  db: DbOrTx,
  siteId: string,
  query: z.output<typeof listContactsQuery>,
): Promise<{ contacts: Contact[]; total: number }> {
  const pattern = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const holders = query.offerId
    ? db
        .select({ id: accessGrants.contactId })
        .from(accessGrants)
        .where(and(eq(accessGrants.siteId, siteId), eq(accessGrants.offerId, query.offerId), isNull(accessGrants.revokedAt)))
    : undefined;
  const where = and(
    eq(contacts.siteId, siteId),
    pattern
      ? or(ilike(contacts.email, pattern), ilike(contacts.firstName, pattern), ilike(contacts.lastName, pattern), ilike(contacts.phone, pattern))
      : undefined,
    holders ? inArray(contacts.id, holders) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(contacts).where(where).orderBy(asc(contacts.createdAt), asc(contacts.id)).limit(query.limit).offset(query.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(contacts).where(where),
  ]);
  return { contacts: rows, total };
}
