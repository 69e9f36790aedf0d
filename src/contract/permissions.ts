/**
 * The one permissions table: what each role of a site may do. The route helper checks it on every
 * admin API route (server/http/route.ts), `GET /api/me` hands the caller's row to the admin app, and
 * the app imports this file to hide what the role can't use — one truth for both.
 * Pure data, no server imports, so the browser bundle can import it.
 */

export const ROLES = ['owner', 'admin', 'agent'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;
const MANAGERS: readonly Role[] = ['owner', 'admin'];
const OWNERS: readonly Role[] = ['owner'];
/** Only the operator's bootstrap key (MEMBERLINK_API_KEY), which passes every check. */
const OPERATOR: readonly Role[] = [];

export const PERMISSIONS = {
  // Open or any caller: no site role involved.
  public: ALL,
  'sites.list': ALL,
  'sites.create': OPERATOR,
  // Reading the site and working with contacts and conversations: every role.
  'site.read': ALL,
  'contacts.read': ALL,
  'contacts.write': ALL,
  'links.read': ALL,
  'links.revoke': ALL,
  'offers.read': ALL,
  'templates.read': ALL,
  preview: ALL,
  'messages.read': ALL,
  'messages.send': ALL,
  'outbox.read': ALL,
  'conversations.read': ALL,
  'conversations.send': ALL,
  'workflows.read': ALL,
  // Changing how the site works: admins and owners.
  'site.write': MANAGERS,
  'offers.write': MANAGERS,
  'access.write': MANAGERS,
  'content.write': MANAGERS,
  /** Uploading images for emails (they become public at a permanent address). */
  'media.write': MANAGERS,
  'templates.write': MANAGERS,
  'workflows.write': MANAGERS,
  'keys.write': MANAGERS,
  'webhooks.write': MANAGERS,
  'apiKeys.manage': MANAGERS,
  /** Member links shown live in the embedded outbox (the development inbox); masked everywhere else. */
  'outbox.liveMemberLinks': MANAGERS,
  // Who works on the site: owners only.
  'staff.manage': OWNERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Every permission a role holds, in table order (what `GET /api/me` reports). */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleMay(role, p));
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
