/** Field schemas shared by sites and contacts; each error names what is wrong and how to fix it. */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { ROLES } from './permissions.ts';

/** RFC 5321 caps a deliverable address at 254 characters; longer ones are refused before anything else. */
export const MAX_EMAIL_LENGTH = 254;

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH, `must be at most ${MAX_EMAIL_LENGTH} characters`)
  .pipe(z.email({ message: 'must be an email address like name@example.com' }))
  // DNS allows at most 63 characters between dots: such an address can't receive mail.
  .refine((email) => email.slice(email.lastIndexOf('@') + 1).split('.').every((label) => label.length <= 63), {
    message: 'the part after @ is not a real domain (a name between dots is longer than 63 characters)',
  });

/** Any common way of writing a phone number with its country code, stored as E.164. */
export const phoneField = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const international = value.replace(/^00/, '+');
    const parsed = international.startsWith('+') ? parsePhoneNumberFromString(international) : undefined;
    if (!parsed || !parsed.isValid()) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a valid phone number with its country code, like +1 415 555 2671',
      });
      return z.NEVER;
    }
    return parsed.number as string;
  });

/** Names reserved for the product's own hosts. */
const RESERVED_SUBDOMAINS = new Set(['www', 'api', 'admin', 'app', 'mail', 'smtp', 'static', 'assets', 'localhost']);

/** A DNS label: 1–63 of a–z, 0–9 and hyphens, not starting or ending with a hyphen. */
export const subdomainField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(63, 'must be at most 63 characters (a DNS label)')
  .regex(/^[a-z0-9-]+$/, 'may contain only letters, digits and hyphens')
  .regex(/^[a-z0-9](?:.*[a-z0-9])?$/, 'must start and end with a letter or digit')
  .refine((s) => !s.includes('--') || !/^..--/.test(s), 'must not have hyphens in the 3rd and 4th positions')
  .refine((s) => !RESERVED_SUBDOMAINS.has(s), 'is reserved; choose another name');

/**
 * A 6-digit login code as people type it: "123 456" and "123-456" count, spaces and dashes
 * dropped. The issuing and checking live in server/auth/login-codes.ts.
 */
export const loginCodeField = z
  .string()
  .max(20, 'must be the 6 digits from your sign-in email')
  .transform((typed) => typed.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be the 6 digits from your sign-in email'));

export const uuidParam = z.uuid({ message: 'must be an id (UUID)' });

/** A staff member's or API key's role, from the permissions table. */
export const roleField = z.enum(ROLES, { error: 'must be owner, admin or agent' });
