/**
 * Many rows in one INSERT whose statement does not grow with the number of rows: the rows go as
 * one JSON parameter, which the database reads back into typed columns
 * (`insert … select * from json_to_recordset($1::json) as r(id uuid, …)`). Drizzle's multi-row
 * VALUES builds a parameter and a few objects per cell, then merges them level by level: for a
 * bulk send's link, event and outbox rows that was its largest JavaScript cost and about half of
 * what it allocated (bench/campaign). One JSON.stringify is a single native pass; one array
 * parameter per column (unnest) was tried and copied every large text twice to escape it.
 * Same SQL on PostgreSQL and PGlite.
 *
 * Every row must set the same columns (a column left out gets its default, so it must be left out
 * of all of them); values are mapped to the driver as drizzle maps them (timestamps…), jsonb
 * values stay nested JSON.
 *
 * `asBytes`: the JSON goes as its UTF-8 bytes, which both drivers' prepared statements send as a
 * binary parameter (json's binary form is its text); for a statement run through `queryRows` on
 * the database, not inside a PGlite transaction (drizzle's PGlite session would encode the bytes
 * by the parameter's type). A bulk send's chunk of outbox rows is ~500 KB of JSON: as a string it
 * is a large object that lived across the round trip, so it was promoted and freed only by a full
 * collection (on PostgreSQL large-object space peaked at 196 MB in a 100,000-recipient send, and
 * peak RSS grew 34–48% from 10,000 to 100,000 recipients). The string is garbage as soon as it is
 * encoded; the bytes are outside the JavaScript heap.
 */
import { getTableColumns, getTableName, sql, type Column, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './database.ts';
import { queryRows } from './query-rows.ts';

/**
 * The INSERT of `rows` into `table` as one statement, for a caller that runs it itself, e.g. as
 * one part of a statement of data-modifying CTEs. `keep`, where given, is a
 * condition on the JSON record `r` (its keys quoted as written): only the rows it holds are inserted.
 * `returning` names columns to return, each under its key. No rows: undefined (json_to_recordset
 * cannot name the columns of none).
 */
export function jsonRowsInsert<T extends PgTable>(
  table: T,
  rows: Array<T['$inferInsert']>,
  options: { keep?: SQL; returning?: Record<string, Column>; asBytes?: boolean } = {},
): SQL | undefined {
  if (rows.length === 0) return undefined;
  const columns = getTableColumns(table) as Record<string, Column>;
  const first = rows[0] as Record<string, unknown>;
  const keys = Object.keys(first).filter((key) => first[key] !== undefined);
  for (const key of keys) if (!columns[key]) throw new Error(`${getTableName(table)} has no column ${key}`);
  const records = (rows as Array<Record<string, unknown>>).map((values, r) => {
    if (Object.keys(values).filter((key) => values[key] !== undefined).length !== keys.length) {
      throw new Error(`Every row of one insertJsonRows must set the same columns (${keys.join(', ')})`);
    }
    const record: Record<string, unknown> = {};
    for (const key of keys) {
      const value = values[key];
      if (value === undefined) throw new Error(`Row ${r} sets no ${key}`);
      const column = columns[key];
      // jsonb stays nested JSON (json_to_recordset reads it as such); the rest as drizzle maps it.
      record[key] = value === null || column.getSQLType() === 'jsonb' ? value : column.mapToDriverValue(value);
    }
    return record;
  });
  const names = sql.join(keys.map((key) => sql.identifier(columns[key].name)), sql`, `);
  const definitions = sql.join(keys.map((key) => sql`${sql.identifier(key)} ${sql.raw(columns[key].getSQLType())}`), sql`, `);
  const json = JSON.stringify(records);
  const statement = sql`insert into ${table} (${names}) select * from json_to_recordset(${options.asBytes ? Buffer.from(json) : json}::json) as r(${definitions})`;
  if (options.keep) statement.append(sql` where ${options.keep}`);
  if (options.returning) {
    const wanted = Object.entries(options.returning);
    statement.append(sql` returning ${sql.join(wanted.map(([key, column]) => sql`${sql.identifier(column.name)} as ${sql.identifier(key)}`), sql`, `)}`);
  }
  return statement;
}

export async function insertJsonRows<T extends PgTable>(db: DbOrTx, table: T, rows: Array<T['$inferInsert']>): Promise<void>;
/** With `returning`: those columns of every inserted row (in no promised order: match them by a key you set). */
export async function insertJsonRows<T extends PgTable, R extends Record<string, Column>>(
  db: DbOrTx,
  table: T,
  rows: Array<T['$inferInsert']>,
  returning: R,
): Promise<Array<{ [K in keyof R]: R[K]['_']['data'] }>>;
export async function insertJsonRows(
  db: DbOrTx,
  table: PgTable,
  rows: Array<Record<string, unknown>>,
  returning?: Record<string, Column>,
): Promise<void | Array<Record<string, unknown>>> {
  const statement = jsonRowsInsert(table, rows, { returning });
  if (!statement) return returning ? [] : undefined;
  // Prepared: the text depends only on the columns, so each call site plans its statement once per connection.
  const inserted = await queryRows<Record<string, unknown>>(db, statement, { prepared: true });
  if (!returning) return;
  return inserted.map((row) => fromDriverRow(returning, row));
}

/** A returned row's values as drizzle reads those columns (timestamps as Dates on either driver). */
export function fromDriverRow(columns: Record<string, Column>, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in columns) out[key] = row[key] === null ? null : columns[key].mapFromDriverValue(row[key]);
  return out;
}
