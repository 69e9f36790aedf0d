import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { staffUsers } from '../db/schema.ts';
import { secretsEqual } from '../crypto/secrets.ts';
import { findApiKeySite } from './api-keys.ts';
import { findSession, SESSION_COOKIE } from './sessions.ts';
import { PERMISSIONS, permissionsOf, roleMay, type Permission, type Role } from '../../src/contract/permissions.ts';

/** Who is calling the admin API. A principal other than bootstrap is bound to one site and holds a role. */
export type Principal =
  | { kind: 'bootstrap' }
  | { kind: 'api_key'; siteId: string; keyId: string; role: Role }
  | { kind: 'staff'; siteId: string; userId: string; role: Role };

/** The operator's bootstrap key may do everything on every site; everyone else what their role allows. */
export function principalMay(principal: Principal, permission: Permission): boolean {
  return principal.kind === 'bootstrap' || roleMay(principal.role, permission);
}

/** The permissions a principal holds (all of them for the bootstrap key). */
export function principalPermissions(principal: Principal): Permission[] {
  return principal.kind === 'bootstrap' ? (Object.keys(PERMISSIONS) as Permission[]) : permissionsOf(principal.role);
}

export function principalCanUseSite(principal: Principal, siteId: string): boolean {
  return principal.kind === 'bootstrap' || principal.siteId === siteId;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Resolves the caller from `Authorization: Bearer` or the staff session cookie; null if neither is valid. */
export async function resolvePrincipal(ctx: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const bearer = bearerToken(request);
  if (bearer) {
    if (ctx.config.bootstrapApiKey && secretsEqual(bearer, ctx.config.bootstrapApiKey)) return { kind: 'bootstrap' };
    const key = await findApiKeySite(ctx.db, bearer);
    return key ? { kind: 'api_key', ...key } : null;
  }
  const cookie = request.cookies?.[SESSION_COOKIE.staff];
  if (!cookie) return null;
  const session = await findSession(ctx.db, 'staff', cookie, ctx.now());
  if (!session) return null;
  const [user] = await ctx.db
    .select({ role: staffUsers.role })
    .from(staffUsers)
    .where(eq(staffUsers.id, session.subjectId))
    .limit(1);
  return user ? { kind: 'staff', siteId: session.siteId, userId: session.subjectId, role: user.role } : null;
}
