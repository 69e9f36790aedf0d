/**
 * What the sign-in page should tell a person: where a sign-in email goes. On the embedded
 * transport it lands in the Outbox, which is inside the admin app — so the page points at the
 * CLI's `login-link` command instead of promising an email.
 */
import { signInOptionsResponse } from '../../src/contract/staff-schemas.ts';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';

export const signInOptionRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/auth/sign-in-options',
    summary: 'How sign-in emails are delivered, and the CLI command that prints a User Link without email.',
    tag: 'Auth',
    auth: 'public',
    permission: 'public',
    response: signInOptionsResponse,
    handler: async ({ ctx }) => ({
      emailDelivery: ctx.config.delivery.smtpUrl ? 'smtp' : 'outbox',
      cliLoginLink: 'npm run cli -- login-link --site <subdomain>',
    }),
  }),
];
