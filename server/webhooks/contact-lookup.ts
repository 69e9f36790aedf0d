/**
 * The contact an inbound webhook is about, found by email or phone and created when the site does
 * not know it yet (a purchase from a new customer, a reply from an unknown number). Existing
 * contacts are not changed.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { contacts } from '../db/schema.ts';
import { createContact, type Contact } from '../contacts/contact-service.ts';

export interface ContactDetails {
  email?: string | null;
  phone?: string | null;
  firstName?: string;
  lastName?: string;
}

async function findBy(ctx: AppContext, siteId: string, by: { email?: string | null; phone?: string | null }): Promise<Contact | null> {
  const match = by.email ? eq(contacts.email, by.email) : by.phone ? eq(contacts.phone, by.phone) : undefined;
  if (!match) return null;
  const [row] = await ctx.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.siteId, siteId), match))
    .orderBy(asc(contacts.createdAt))
    .limit(1);
  return row ?? null;
}

/** By email when given, else by phone. */
export async function findOrCreateContact(ctx: AppContext, siteId: string, details: ContactDetails): Promise<{ contact: Contact; created: boolean }> {
  const key = details.email ? { email: details.email } : { phone: details.phone };
  const existing = await findBy(ctx, siteId, key);
  if (existing) return { contact: existing, created: false };
  try {
    return { contact: await createContact(ctx, siteId, details), created: true };
  } catch (error) {
    // Two deliveries for one new address at once (409 or a unique violation): the other created it.
    const raced = await findBy(ctx, siteId, key);
    if (raced) return { contact: raced, created: false };
    throw error;
  }
}
