/**
 * Opaque keyset cursors: a row's time (with PostgreSQL's microseconds, so no two rows collapse)
 * and its id. A cursor that does not decode is a 400 naming the parameter.
 */
import { sql, type SQL } from 'drizzle-orm';
import { invalidField } from '../http/api-error.ts';

export interface Cursor {
  at: string;
  id: string;
}

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** SQL for a timestamptz as the text a cursor carries. */
export const cursorTime = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const encodeCursor = (cursor: Cursor): string => Buffer.from(`${cursor.at}|${cursor.id}`).toString('base64url');

export function decodeCursor(value: string, field: string): Cursor {
  const [at, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!at || !id || !ISO_MICROS.test(at) || id.length > 80) throw invalidField(field, 'not a cursor this API returned');
  return { at, id };
}
