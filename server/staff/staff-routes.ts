/** Staff of a site and their roles (owners only), and who the caller is (`GET /api/me`, for the admin app). */
import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { emailField, roleField } from '../../src/contract/fields.ts';
import { meResponse, staffResponse } from '../../src/contract/staff-schemas.ts';
import { principalPermissions } from '../auth/principal.ts';
import { sendStaffLoginEmail } from '../auth/staff-login.ts';
import { addStaff, changeStaffRole, listStaff, presentStaff, removeStaff } from './staff-service.ts';

const staffParams = siteIdParams.extend({ staffId: z.uuid('must be a staff member id') });

export const staffRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/me',
    summary: "Who is calling: their kind, site, role and every permission the role holds (the admin app hides what it can't use).",
    tag: 'Staff',
    auth: 'principal',
    permission: 'sites.list',
    response: meResponse,
    handler: async ({ principal }) => {
      const p = principal!;
      return {
        kind: p.kind,
        siteId: p.kind === 'bootstrap' ? null : p.siteId,
        staffId: p.kind === 'staff' ? p.userId : null,
        role: p.kind === 'bootstrap' ? 'operator' : p.role,
        permissions: principalPermissions(p),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/staff',
    summary: 'The staff of the site and their roles.',
    tag: 'Staff',
    auth: 'site',
    permission: 'staff.manage',
    params: siteIdParams,
    response: z.object({ staff: z.array(staffResponse) }),
    handler: async ({ ctx, site }) => ({ staff: (await listStaff(ctx.db, site.id)).map(presentStaff) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/staff',
    summary: 'Invite a member of staff with a role: they are emailed their User Link to sign in.',
    tag: 'Staff',
    auth: 'site',
    permission: 'staff.manage',
    params: siteIdParams,
    body: z.strictObject({
      email: emailField,
      name: z.string().trim().max(120, 'must be at most 120 characters').default(''),
      role: roleField,
    }),
    response: staffResponse,
    status: 201,
    handler: async ({ ctx, site, body }) => {
      const member = await addStaff(ctx.db, site.id, body);
      await sendStaffLoginEmail(ctx, site, member, 'staff:invite');
      return presentStaff(member);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/sites/:siteId/staff/:staffId',
    summary: "Change a staff member's role. The site's last owner can't be demoted (409 last_owner).",
    tag: 'Staff',
    auth: 'site',
    permission: 'staff.manage',
    params: staffParams,
    body: z.strictObject({ role: roleField }),
    response: staffResponse,
    handler: async ({ ctx, site, params, body }) => presentStaff(await changeStaffRole(ctx, site.id, params.staffId, body.role)),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/sites/:siteId/staff/:staffId',
    summary: "Remove a member of staff: their sessions end and their User Links stop working. The site's last owner can't be removed (409 last_owner).",
    tag: 'Staff',
    auth: 'site',
    permission: 'staff.manage',
    params: staffParams,
    status: 204,
    handler: async ({ ctx, site, params }) => {
      await removeStaff(ctx, site.id, params.staffId);
    },
  }),
];
