/**
 * Statement text and parameters of a drizzle `sql` statement, for the hot paths' hand-written
 * statements (a redemption, a rate-limit hit, a bulk insert). Drizzle's `sqlToQuery` builds an
 * object and an array per chunk and merges them level by level: for a redemption's ~120 chunks
 * that was a third of everything the request allocated (bench/redeem), and the young-generation
 * collections it caused land in the p99. This walks the same chunks once into one array of
 * parameters, for the chunk kinds those statements use: text, nested statements, identifiers,
 * tables, columns and values; their text is written once per shape (`ShapeStep`). Anything else
 * (placeholders, subqueries, lists, inlined parameters) is drizzle's own business: `compileSql`
 * answers null and the caller asks drizzle.
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

/**
 * A statement's shape: the sequence of what its chunks write (their text, names, tables and
 * columns, and where a parameter goes), as a tree of steps that statements share from their
 * start. The text depends on nothing else, so it is made once per shape and kept on the shape's
 * last step: a hot statement then writes no text per call, and hands the driver the same string
 * each time (whose hash, for the prepared statement's name, V8 keeps on the string).
 */
class ShapeStep {
  /** The text of the statements whose shape ends here. */
  text: string | undefined;
  // Made on first use: most steps have one way on.
  #literals: Map<string, ShapeStep> | undefined;
  #names: Map<string, ShapeStep> | undefined;
  #objects: Map<Table | Column, ShapeStep> | undefined;
  #param: ShapeStep | undefined;

  literal(value: string): ShapeStep {
    return stepIn((this.#literals ??= new Map()), value);
  }

  name(value: string): ShapeStep {
    return stepIn((this.#names ??= new Map()), value);
  }

  object(value: Table | Column): ShapeStep {
    return stepIn((this.#objects ??= new Map()), value);
  }

  param(): ShapeStep {
    return (this.#param ??= newStep());
  }
}

/** Bounds the shapes kept (a statement whose shape varies, e.g. an IN list, makes one per shape). */
const MAX_SHAPE_STEPS = 20_000;
let shapeSteps = 0;
let shapes = new ShapeStep();

function newStep(): ShapeStep {
  shapeSteps++;
  return new ShapeStep();
}

function stepIn<K>(next: Map<K, ShapeStep>, key: K): ShapeStep {
  let step = next.get(key);
  if (step === undefined) next.set(key, (step = newStep()));
  return step;
}

/** `walk` without writing text: the params, and the step where the statement's shape ends. */
function walkShape(chunks: readonly unknown[], out: CompiledSql, from: ShapeStep): ShapeStep {
  let step = from;
  for (const chunk of chunks) {
    if (chunk instanceof StringChunk) {
      const value = chunk.value;
      step = step.literal(value.length === 1 ? value[0] : value.join(''));
    } else if (chunk instanceof SQL) {
      if (inlinesParams(chunk)) throw new Unsupported();
      step = walkShape(chunk.queryChunks, out, step);
    } else if (chunk instanceof Param) {
      const mapped = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
      if (mapped instanceof SQL || (mapped !== null && typeof mapped === 'object' && !(mapped instanceof Date) && !Array.isArray(mapped))) {
        throw new Unsupported();
      }
      out.params.push(mapped);
      step = step.param();
    } else if (chunk instanceof Name) {
      step = step.name(chunk.value);
    } else if (chunk === undefined) {
      // drizzle writes nothing for it
    } else if (chunk instanceof Table) {
      step = step.object(chunk);
    } else if (chunk instanceof Column) {
      if ((chunk as unknown as { keyAsName: boolean }).keyAsName) throw new Unsupported();
      step = step.object(chunk);
    } else if (
      chunk === null ||
      typeof chunk === 'string' ||
      typeof chunk === 'number' ||
      typeof chunk === 'boolean' ||
      typeof chunk === 'bigint' ||
      chunk instanceof Date
    ) {
      out.params.push(chunk);
      step = step.param();
    } else {
      throw new Unsupported();
    }
  }
  return step;
}

/** The statement's text and parameters exactly as drizzle's pg dialect writes them, or null for a chunk kind left to drizzle. */
export function compileSql(statement: SQL): CompiledSql | null {
  if (inlinesParams(statement)) return null;
  const out: CompiledSql = { sql: '', params: [] };
  try {
    if (shapeSteps > MAX_SHAPE_STEPS) {
      shapes = new ShapeStep();
      shapeSteps = 0;
    }
    const shape = walkShape(statement.queryChunks, out, shapes);
    // The first statement of its shape writes the text, with the same chunks walked again.
    shape.text ??= walk(statement.queryChunks, { sql: '', params: [] });
    out.sql = shape.text;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  return out;
}
