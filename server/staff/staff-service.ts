/**
 * The people who work on a site and their roles. A site always keeps at least one owner: changes
 * that would leave none are refused, checked under a lock on the site's owner rows so two
 * concurrent demotions can't both pass.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { DbOrTx, Tx } from '../db/database.ts';
import { staffUsers } from '../db/schema.ts';
import { ApiError, conflict, notFound } from '../http/api-error.ts';
import type { Role } from '../../src/contract/permissions.ts';
import { revokeSubjectLinks } from '../links/link-state.ts';

export type StaffMember = typeof staffUsers.$inferSelect;

export const presentStaff = (s: StaffMember) => ({ id: s.id, email: s.email, name: s.name, role: s.role, createdAt: s.createdAt });

export async function listStaff(db: DbOrTx, siteId: string): Promise<StaffMember[]> {
  return db.select().from(staffUsers).where(eq(staffUsers.siteId, siteId)).orderBy(asc(staffUsers.createdAt), asc(staffUsers.email));
}

/** The site's first owner: whose login link the console prints at start. */
export async function firstOwner(db: DbOrTx, siteId: string): Promise<StaffMember | undefined> {
  const [owner] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.siteId, siteId), eq(staffUsers.role, 'owner')))
    .orderBy(asc(staffUsers.createdAt))
    .limit(1);
  return owner;
}

export async function addStaff(db: DbOrTx, siteId: string, input: { email: string; name: string; role: Role }): Promise<StaffMember> {
  const [existing] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.siteId, siteId), eq(staffUsers.email, input.email)))
    .limit(1);
  if (existing) throw conflict('already_exists', `email: ${input.email} already works on this site; change their role instead`, 'email');
  const [row] = await db.insert(staffUsers).values({ siteId, ...input }).returning();
  return row;
}

async function lockedStaff(tx: Tx, siteId: string, staffId: string): Promise<{ member: StaffMember; owners: number }> {
  // Lock every owner row of the site (and the member's) for the rest of the transaction.
  const owners = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.siteId, siteId), eq(staffUsers.role, 'owner')))
    .for('update');
  const [member] = await tx
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.siteId, siteId), eq(staffUsers.id, staffId)))
    .for('update');
  if (!member) throw notFound('Staff member');
  return { member, owners: owners.length };
}

function lastOwner(action: string): ApiError {
  return conflict('last_owner', `This is the site's only owner, so they can't be ${action}. Make someone else an owner first.`, 'role');
}

export async function changeStaffRole(ctx: AppContext, siteId: string, staffId: string, role: Role): Promise<StaffMember> {
  return ctx.db.transaction(async (tx) => {
    const { member, owners } = await lockedStaff(tx, siteId, staffId);
    if (member.role === 'owner' && role !== 'owner' && owners <= 1) throw lastOwner(`made ${role === 'admin' ? 'an admin' : 'an agent'}`);
    const [row] = await tx.update(staffUsers).set({ role }).where(eq(staffUsers.id, staffId)).returning();
    return row;
  });
}

/** Removes a member of staff: their sessions end and every User Link sent to them stops working. */
export async function removeStaff(ctx: AppContext, siteId: string, staffId: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const { member, owners } = await lockedStaff(tx, siteId, staffId);
    if (member.role === 'owner' && owners <= 1) throw lastOwner('removed');
    // Revoking their links also ends their sessions (link-state.ts).
    await revokeSubjectLinks(tx, siteId, 'user', staffId, now);
    await tx.delete(staffUsers).where(and(eq(staffUsers.siteId, siteId), eq(staffUsers.id, staffId)));
  });
}
