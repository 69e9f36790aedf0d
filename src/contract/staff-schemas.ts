/** Who is calling, the staff of a site and its API keys, as the API answers them. */
import { z } from 'zod';
import { emailField, loginCodeField, roleField } from './fields.ts';
import { ROLES } from './permissions.ts';

export const meResponse = z.object({
  kind: z.enum(['bootstrap', 'api_key', 'staff']),
  siteId: z.string().nullable(),
  staffId: z.string().nullable(),
  role: z.enum([...ROLES, 'operator']),
  permissions: z.array(z.string()),
});

export const staffResponse = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: roleField, createdAt: z.date() });

export const apiKeySummaryResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: roleField,
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
});

export const createdApiKeyResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: roleField,
  key: z.string().describe('Shown once: only its hash is kept.'),
});

/** Where sign-in emails go (GET /api/auth/sign-in-options). */
export const signInOptionsResponse = z.object({
  /** `smtp`: sign-in emails are really sent; `outbox`: they stay in the embedded Outbox. */
  emailDelivery: z.enum(['smtp', 'outbox']),
  /** The command that prints a fresh User Link in the server's terminal. */
  cliLoginLink: z.string(),
});

/** "Have a code?" on the admin sign-in page (POST /api/auth/login-code). */
export const loginCodeBody = z.strictObject({
  email: emailField.describe('The address the sign-in email went to.'),
  code: loginCodeField.describe('The 6-digit code from that email; spaces and dashes are ignored.'),
});

export const loginCodeResponse = z.object({ signedIn: z.literal(true) });
