/**
 * What the sign-in page should tell a person: where a sign-in email goes. On the embedded
 * transport it lands in the Outbox, which is inside the admin app — so the page points at the
 * CLI's `login-link` command instead of promising an email.
 */
import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';

export const signInOptionsSchema = z.object({
  /** `smtp`: sign-in emails are really sent; `outbox`: they stay in the embedded Outbox. */
  emailDelivery: z.enum(['smtp', 'outbox']),
  /** The command that prints a fresh User Link in the server's terminal. */
  cliLoginLink: z.string(),
});

export const signInOptionRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/auth/sign-in-options',
    summary: 'How sign-in emails are delivered, and the CLI command that prints a User Link without email.',
    tag: 'Auth',
    auth: 'public',
    response: signInOptionsSchema,
    handler: async ({ ctx }) => ({
      emailDelivery: ctx.config.delivery.smtpUrl ? 'smtp' : 'outbox',
      cliLoginLink: 'npm run cli -- login-link --site <subdomain>',
    }),
  }),
];
