/**
 * `npm run bench`: every benchmark in bench/, one process each, one after another (so they don't
 * compete for the two cores). Each reports ratios against a baseline measured in the same run.
 * With --expose-gc, so a bench can start each measured phase on a collected heap.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runChild } from './support/run-child.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => !only.length || only.some((name) => f.startsWith(name)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n### ${file}`);
  // The campaign's three 100,000-recipient runs take ~20 minutes on 2 cores.
  const status = await runChild(['--expose-gc', '--import', 'tsx', `${dir}${file}`], { timeoutMs: 45 * 60_000 });
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
