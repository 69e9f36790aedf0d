/**
 * The API contract (src/contract) is the one place request and response shapes are written: the
 * server validates with it, the admin app derives its types from it. It must stay importable by
 * both (nothing server-only in it), and the app must import it for types only, so zod never
 * lands in the app's first-load bundle.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, importsOf, sourceFiles } from '../../support/import-graph.ts';

const importsZod = (file: string) => /from ['"]zod['"]/.test(readFileSync(join(REPO_ROOT, file), 'utf8'));

describe('the API contract', () => {
  it('imports nothing from the server or the app', () => {
    const reachesOut = sourceFiles('src/contract')
      .flatMap(importsOf)
      .filter((edge) => !edge.to.startsWith('src/contract/') && !edge.to.startsWith('src/template/'))
      .map((edge) => `${edge.from} imports ${edge.to}`);
    expect(reachesOut).toEqual([]);
  });

  it('reaches the admin app as types only', () => {
    const valueImports = sourceFiles('src/app')
      .flatMap(importsOf)
      // Pure data without zod (the permissions table) may be imported as values.
      .filter((edge) => edge.to.startsWith('src/contract/') && !edge.typeOnly && importsZod(edge.to))
      .map((edge) => `${edge.from} imports ${edge.to} as a value`);
    expect(valueImports).toEqual([]);
  });
});
