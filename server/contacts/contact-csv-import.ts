/**
 * CSV import: every row is validated on its own; valid rows are imported (created, or merged into
 * the contact with the same email), invalid rows are reported with their line and field and
 * change nothing — a row is never half-imported.
 */
import { parse } from 'csv-parse/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { contacts } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { contactFields } from './contact-schemas.ts';

/** Header spellings people use, mapped to contact fields; any other column is a custom field. */
const HEADER_ALIASES: Record<string, 'email' | 'phone' | 'firstName' | 'lastName'> = {
  email: 'email',
  email_address: 'email',
  e_mail: 'email',
  phone: 'phone',
  phone_number: 'phone',
  mobile: 'phone',
  first_name: 'firstName',
  firstname: 'firstName',
  given_name: 'firstName',
  last_name: 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  family_name: 'lastName',
};

export const MAX_IMPORT_ROWS = 50_000;

const importRow = z
  .object({
    email: contactFields.email,
    phone: contactFields.phone,
    firstName: contactFields.firstName,
    lastName: contactFields.lastName,
    customFields: contactFields.customFields,
  })
  .refine((row) => Boolean(row.email || row.phone), { message: 'needs an email or a phone number', path: ['email'] });
type ImportRow = z.output<typeof importRow>;

export interface RowError {
  /** Line in the file (the header is line 1). */
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  failed: number;
  errors: RowError[];
}

const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/^custom[._]/, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

function readCsv(csv: string): { headers: string[]; records: string[][] } {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (error) {
    throw new ApiError(400, 'invalid_csv', `The file is not valid CSV: ${(error as Error).message}`, 'body');
  }
  const [headers, ...rows] = records;
  if (!headers?.length) throw new ApiError(400, 'invalid_csv', 'The file is empty: expected a header row', 'body');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ApiError(413, 'too_many_rows', `At most ${MAX_IMPORT_ROWS} rows per import; split the file`, 'body');
  }
  return { headers, records: rows };
}

/** Parses every row into a contact or errors; exported for tests. */
export function parseContactCsv(csv: string): { valid: { line: number; row: ImportRow }[]; errors: RowError[] } {
  const { headers, records } = readCsv(csv);
  const columns = headers.map((h) => ({ raw: h.trim(), key: normalizeHeader(h) }));
  if (!columns.some((c) => HEADER_ALIASES[c.key] === 'email' || HEADER_ALIASES[c.key] === 'phone')) {
    throw new ApiError(400, 'invalid_csv', 'The header row needs an "email" or a "phone" column', 'body');
  }
  const valid: { line: number; row: ImportRow }[] = [];
  const errors: RowError[] = [];
  const seenEmails = new Map<string, number>();
  records.forEach((record, index) => {
    const line = index + 2;
    const candidate: Record<string, unknown> = { email: '', phone: '', firstName: '', lastName: '', customFields: {} };
    columns.forEach((column, i) => {
      const value = (record[i] ?? '').trim();
      const field = HEADER_ALIASES[column.key];
      if (field) candidate[field] = value;
      else if (column.key && value) (candidate.customFields as Record<string, string>)[column.key] = value;
    });
    const parsed = importRow.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        errors.push({ line, field: path.startsWith('customFields') ? path.replace('customFields.', '') : path, message: issue.message });
      }
      return;
    }
    const email = parsed.data.email;
    if (email) {
      const first = seenEmails.get(email);
      if (first) {
        errors.push({ line, field: 'email', message: `${email} already appears on line ${first}` });
        return;
      }
      seenEmails.set(email, line);
    }
    valid.push({ line, row: parsed.data });
  });
  return { valid, errors };
}

const BATCH = 500;

export async function importContactsCsv(ctx: AppContext, siteId: string, csv: string): Promise<ImportReport> {
  const { valid, errors } = parseContactCsv(csv);
  let created = 0;
  let updated = 0;
  await ctx.db.transaction(async (tx) => {
    for (let start = 0; start < valid.length; start += BATCH) {
      const batch = valid.slice(start, start + BATCH);
      const emails = batch.map((v) => v.row.email).filter((e): e is string => Boolean(e));
      const existing = emails.length
        ? new Set(
            (
              await tx
                .select({ email: contacts.email })
                .from(contacts)
                .where(and(eq(contacts.siteId, siteId), inArray(contacts.email, emails)))
            ).map((r) => r.email),
          )
        : new Set<string | null>();
      // Rows for an existing email merge into that contact: set fields win, empty cells keep what was there.
      await tx
        .insert(contacts)
        .values(
          batch.map(({ row }) => ({
            siteId,
            email: row.email,
            phone: row.phone,
            firstName: row.firstName,
            lastName: row.lastName,
            customFields: row.customFields,
          })),
        )
        .onConflictDoUpdate({
          target: [contacts.siteId, contacts.email],
          set: {
            phone: sql`coalesce(excluded.phone, ${contacts.phone})`,
            firstName: sql`coalesce(nullif(excluded.first_name, ''), ${contacts.firstName})`,
            lastName: sql`coalesce(nullif(excluded.last_name, ''), ${contacts.lastName})`,
            customFields: sql`${contacts.customFields} || excluded.custom_fields`,
            updatedAt: ctx.now(),
          },
        });
      const merged = batch.filter((v) => v.row.email && existing.has(v.row.email)).length;
      updated += merged;
      created += batch.length - merged;
    }
  });
  const failedLines = new Set(errors.map((e) => e.line));
  return { rows: valid.length + failedLines.size, created, updated, failed: failedLines.size, errors };
}
