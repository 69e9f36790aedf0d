/**
 * Statement text and parameters of a drizzle `sql` statement, for the hot paths' hand-written
 * statements (a redemption, a rate-limit hit, a bulk insert). Drizzle's `sqlToQuery` builds an
 * object and an array per chunk and merges them level by level: for a redemption's ~120 chunks
 * that was a third of everything the request allocated (bench/redeem), and the young-generation
 * collections it caused land in the p99. This walks the same chunks once into one string and one
 * array, for the chunk kinds those statements use: text, nested statements, identifiers, tables,
 * columns and values. Anything else (placeholders, subqueries, lists, inlined parameters) is drizzle's
 * own business: `compileSql` answers null and the caller asks drizzle.
 *
 * test/unit/db/compile-sql.test.ts holds it to drizzle's output for every shape it accepts.
 */
import { Column, Name, Param, SQL, StringChunk, Table } from 'drizzle-orm';

export interface CompiledSql {
  sql: string;
  params: unknown[];
}

/** PostgreSQL's quoting of an identifier, as drizzle's pg dialect writes it. */
function escapeName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

class Unsupported extends Error {}

/** drizzle keeps a table's name, schema and alias flag under these (internal) symbols. */
const TABLE_SYMBOLS = (Table as unknown as { Symbol: { Name: symbol; Schema: symbol; IsAlias: symbol } }).Symbol;

/** Set by drizzle's `.inlineParams()`: such a statement writes its values into the text. */
const inlinesParams = (statement: SQL) => (statement as unknown as { shouldInlineParams: boolean }).shouldInlineParams;

function tableName(table: Table): string {
  const record = table as unknown as Record<symbol, unknown>;
  const name = escapeName(record[TABLE_SYMBOLS.Name] as string);
  const schema = record[TABLE_SYMBOLS.Schema] as string | undefined;
  return schema === undefined || record[TABLE_SYMBOLS.IsAlias] ? name : `${escapeName(schema)}.${name}`;
}

function walk(chunks: readonly unknown[], out: CompiledSql): string {
  let text = '';
  for (const chunk of chunks) {
    if (chunk instanceof StringChunk) {
      const value = chunk.value;
      text += value.length === 1 ? value[0] : value.join('');
    } else if (chunk instanceof SQL) {
      if (inlinesParams(chunk)) throw new Unsupported();
      text += walk(chunk.queryChunks, out);
    } else if (chunk instanceof Param) {
      const mapped = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
      if (mapped instanceof SQL || (mapped !== null && typeof mapped === 'object' && !(mapped instanceof Date) && !Array.isArray(mapped))) {
        throw new Unsupported();
      }
      out.params.push(mapped);
      text += `$${out.params.length}`;
    } else if (chunk instanceof Name) {
      text += escapeName(chunk.value);
    } else if (chunk === undefined) {
      // drizzle writes nothing for it
    } else if (chunk instanceof Table) {
      text += tableName(chunk);
    } else if (chunk instanceof Column) {
      // A column named by its key would need drizzle's casing rules.
      if ((chunk as unknown as { keyAsName: boolean }).keyAsName) throw new Unsupported();
      text += `${tableName(chunk.table as Table)}.${escapeName(chunk.name)}`;
    } else if (
      chunk === null ||
      typeof chunk === 'string' ||
      typeof chunk === 'number' ||
      typeof chunk === 'boolean' ||
      typeof chunk === 'bigint' ||
      chunk instanceof Date
    ) {
      out.params.push(chunk);
      text += `$${out.params.length}`;
    } else {
      throw new Unsupported();
    }
  }
  return text;
}

/** The statement's text and parameters exactly as drizzle's pg dialect writes them, or null for a chunk kind left to drizzle. */
export function compileSql(statement: SQL): CompiledSql | null {
  if (inlinesParams(statement)) return null;
  const out: CompiledSql = { sql: '', params: [] };
  try {
    out.sql = walk(statement.queryChunks, out);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  return out;
}
