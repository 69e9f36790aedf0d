/**
 * pg-boss's `db` option (`executeSql(text, values)`) over a drizzle database or transaction, through
 * drizzle's public `execute`: the statement runs on the transaction's connection when `db` is one.
 *
 * pg-boss writes `$n` parameters and reuses one in several typed positions (`right($5, 1)` and
 * `CAST($5 as timestamptz)`), so each must stay ONE parameter. Drizzle numbers its parameters in
 * order of appearance, so parameters are renumbered by their first appearance: the first occurrence
 * becomes a drizzle parameter, later occurrences the same `$k` in the text.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';

export function withPositionalParams(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  const renumbered = new Map<number, number>();
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    const n = Number(match[1]);
    chunks.push(sql.raw(text.slice(last, match.index)));
    last = match.index + match[0].length;
    const k = renumbered.get(n);
    if (k !== undefined) {
      chunks.push(sql.raw(`$${k}`));
      continue;
    }
    if (n < 1 || n > values.length) throw new Error(`The statement uses $${n} but has ${values.length} parameters`);
    renumbered.set(n, renumbered.size + 1);
    chunks.push(sql`${sql.param(values[n - 1])}`);
  }
  if (renumbered.size !== values.length) throw new Error(`The statement uses ${renumbered.size} of ${values.length} parameters`);
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

export function drizzleExecutor(db: DbOrTx) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const result = (await db.execute(withPositionalParams(text, values))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}
