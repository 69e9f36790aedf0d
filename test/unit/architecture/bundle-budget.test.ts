/**
 * Issue 14's size budgets, measured the way `npm run measure:lib` and `npm run build` print them
 * (build/bundle-size.ts): the composer with everything but React, minified and gzipped, ≤ 170 kB;
 * the admin app's first load (index.html, the entry JS with its static imports, its CSS) ≤ 100 kB.
 * Built in memory (`write: false`): dist/ stays whatever the e2e suites serve.
 */
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { entrySizes } from '../../../build/bundle-size.ts';
import { ROOT } from '../../support/child-server.ts';
import { APP_FIRST_LOAD_BUDGET_BYTES } from '../../../vite.config.ts';
import { COMPOSER_BUDGET_BYTES } from '../../../vite.lib.config.ts';

/** A production build, as `npm run build` makes it (vitest runs with NODE_ENV=test: React's dev build). */
async function buildInMemory(configFile: string, env: Record<string, string> = {}): Promise<Parameters<typeof entrySizes>[0]> {
  const overrides: Record<string, string> = { NODE_ENV: 'production', ...env };
  const saved = Object.fromEntries(Object.keys(overrides).map((name) => [name, process.env[name]]));
  Object.assign(process.env, overrides);
  try {
    const result = await build({ root: ROOT, configFile: join(ROOT, configFile), mode: 'production', logLevel: 'error', build: { write: false } });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    return outputs.flatMap((output) => output.output) as Parameters<typeof entrySizes>[0];
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('bundle budgets', () => {
  it('the composer costs a host at most 170 kB gzipped, React excluded', async () => {
    const output = await buildInMemory('vite.lib.config.ts', { MEASURE_BUNDLE: '1' });
    const composer = entrySizes(output).find((entry) => entry.name === 'composer');
    expect(composer!.js).toBeGreaterThan(50_000); // it did bundle Tiptap and ProseMirror
    expect(composer!.total).toBeLessThanOrEqual(COMPOSER_BUDGET_BYTES);
  });

  it('the admin app loads at most 100 kB gzipped before its first page', async () => {
    const index = entrySizes(await buildInMemory('vite.config.ts'), 'index.html').find((entry) => entry.name === 'index');
    expect(index!.js).toBeGreaterThan(50_000); // React is in it
    expect(index!.total).toBeLessThanOrEqual(APP_FIRST_LOAD_BUDGET_BYTES);
  });
});
