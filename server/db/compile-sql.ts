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

/** What a statement's chunks write, in order: the text and the shape (`ShapeStep`) are both made from it. */
interface ChunkVisitor {
  literal(text: string): void;
  name(value: string): void;
  table(table: Table): void;
  column(column: Column): void;
  /** A parameter (its value is already in `out.params`). */
  param(): void;
}

/** Hands each chunk to `visit`, parameters' values to `out.params`; throws Unsupported for a kind drizzle must write. */
function walk(chunks: readonly unknown[], out: CompiledSql, visit: ChunkVisitor): void {
  for (const chunk of chunks) {
    if (chunk instanceof StringChunk) {
      const value = chunk.value;
      visit.literal(value.length === 1 ? value[0] : value.join(''));
    } else if (chunk instanceof SQL) {
      if (inlinesParams(chunk)) throw new Unsupported();
      walk(chunk.queryChunks, out, visit);
    } else if (chunk instanceof Param) {
      const mapped = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
      if (mapped instanceof SQL || (mapped !== null && typeof mapped === 'object' && !(mapped instanceof Date) && !Array.isArray(mapped) && !Buffer.isBuffer(mapped))) {
        throw new Unsupported();
      }
      out.params.push(mapped);
      visit.param();
    } else if (chunk instanceof Name) {
      visit.name(chunk.value);
    } else if (chunk === undefined) {
      // drizzle writes nothing for it
    } else if (chunk instanceof Table) {
      visit.table(chunk);
    } else if (chunk instanceof Column) {
      // A column named by its key would need drizzle's casing rules.
      if ((chunk as unknown as { keyAsName: boolean }).keyAsName) throw new Unsupported();
      visit.column(chunk);
    } else if (
      chunk === null ||
      typeof chunk === 'string' ||
      typeof chunk === 'number' ||
      typeof chunk === 'boolean' ||
      typeof chunk === 'bigint' ||
      chunk instanceof Date ||
      Buffer.isBuffer(chunk)
    ) {
      out.params.push(chunk);
      visit.param();
    } else {
      throw new Unsupported();
    }
  }
}

/** The text, as drizzle's pg dialect writes it. */
class TextWriter implements ChunkVisitor {
  text = '';
  #params = 0;

  literal(text: string): void {
    this.text += text;
  }

  name(value: string): void {
    this.text += escapeName(value);
  }

  table(table: Table): void {
    this.text += tableName(table);
  }

  column(column: Column): void {
    this.text += `${tableName(column.table as Table)}.${escapeName(column.name)}`;
  }

  param(): void {
    this.text += `$${++this.#params}`;
  }
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

/** Follows a statement's chunks from the first step: `step` is where its shape ends. */
class ShapeWalker implements ChunkVisitor {
  step: ShapeStep;

  constructor(from: ShapeStep) {
    this.step = from;
  }

  literal(text: string): void {
    this.step = this.step.literal(text);
  }

  name(value: string): void {
    this.step = this.step.name(value);
  }

  table(table: Table): void {
    this.step = this.step.object(table);
  }

  column(column: Column): void {
    this.step = this.step.object(column);
  }

  param(): void {
    this.step = this.step.param();
  }
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
    const shape = new ShapeWalker(shapes);
    walk(statement.queryChunks, out, shape);
    if (shape.step.text === undefined) {
      // The first statement of its shape writes the text (its parameters were gathered already).
      const writer = new TextWriter();
      walk(statement.queryChunks, { sql: '', params: [] }, writer);
      shape.step.text = writer.text;
    }
    out.sql = shape.step.text;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  return out;
}
