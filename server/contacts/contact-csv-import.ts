/**
 * CSV import: every row is validated on its own; valid rows are imported (created, or merged into
 * the contact with the same email), invalid rows are reported with their line and field and
 * change nothing — a row is never half-imported. Parsing, checking and writing run in slices (see
 * importContactsCsv), so one large file never stalls the process for other requests.
 */
import { parse } from 'csv-parse';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { contacts } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { contactFields } from '../../src/contract/contact-schemas.ts';
import { yieldToOthers } from '../http/yield-to-others.ts';

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

/** Characters of CSV parsed per slice (~1,500 rows, a few ms). */
const PARSE_SLICE = 64 * 1024;

/** Parses the CSV in slices with the streaming parser, yielding between them. */
async function readCsv(csv: string): Promise<{ headers: string[]; records: string[][] }> {
  const records: string[][] = [];
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  let failure: Error | null = null;
  parser.on('readable', () => {
    let record: string[] | null;
    while ((record = parser.read()) !== null) records.push(record);
  });
  parser.on('error', (error) => (failure = error));
  for (let at = 0; at < csv.length && !failure; at += PARSE_SLICE) {
    parser.write(csv.slice(at, at + PARSE_SLICE));
    if (records.length > MAX_IMPORT_ROWS + 1) break;
    await yieldToOthers();
  }
  if (!failure) await new Promise<void>((resolve) => parser.end(resolve));
  if (failure) throw new ApiError(400, 'invalid_csv', `The file is not valid CSV: ${(failure as Error).message}`, 'body');
  const [headers, ...rows] = records;
  if (!headers?.length) throw new ApiError(400, 'invalid_csv', 'The file is empty: expected a header row', 'body');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ApiError(413, 'too_many_rows', `At most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows per import; split the file`, 'body');
  }
  return { headers, records: rows };
}

/** Rows validated per slice before yielding. */
const VALIDATE_SLICE = 1000;

/** Parses every row into a contact or errors. */
async function parseContactCsv(csv: string): Promise<{ valid: { line: number; row: ImportRow }[]; errors: RowError[] }> {
  const { headers, records } = await readCsv(csv);
  const columns = headers.map((h) => ({ raw: h.trim(), key: normalizeHeader(h) }));
  if (!columns.some((c) => HEADER_ALIASES[c.key] === 'email' || HEADER_ALIASES[c.key] === 'phone')) {
    throw new ApiError(400, 'invalid_csv', 'The header row needs an "email" or a "phone" column', 'body');
  }
  const valid: { line: number; row: ImportRow }[] = [];
  const errors: RowError[] = [];
  const seenEmails = new Map<string, number>();
  for (let index = 0; index < records.length; index++) {
    if (index > 0 && index % VALIDATE_SLICE === 0) await yieldToOthers();
    const record = records[index];
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
      continue;
    }
    const email = parsed.data.email;
    if (email) {
      const first = seenEmails.get(email);
      if (first) {
        errors.push({ line, field: 'email', message: `${email} already appears on line ${first}` });
        continue;
      }
      seenEmails.set(email, line);
    }
    valid.push({ line, row: parsed.data });
  }
  return { valid, errors };
}

const BATCH = 500;

/**
 * One transaction per batch of rows, yielding between batches: a 50,000-row import never holds the
 * database (PGlite has one connection) or the event loop for long, so other requests — /healthz,
 * another site's work — keep being answered. Each row is still all or nothing; a batch that fails
 * leaves the batches before it imported, and importing the same file again merges, not duplicates.
 */
export async function importContactsCsv(ctx: AppContext, siteId: string, csv: string): Promise<ImportReport> {
  const { valid, errors } = await parseContactCsv(csv);
  let created = 0;
  let updated = 0;
  for (let start = 0; start < valid.length; start += BATCH) {
    if (start > 0) await yieldToOthers();
    await ctx.db.transaction(async (tx) => {
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
    });
  }
  const failedLines = new Set(errors.map((e) => e.line));
  return { rows: valid.length + failedLines.size, created, updated, failed: failedLines.size, errors };
}
