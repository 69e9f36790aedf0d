import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** A build's output as Rollup/Rolldown hands it to plugins (and `build({ write: false })` returns). */
type OutputFile =
  | { type: 'chunk'; fileName: string; code: string; isEntry: boolean; name: string; imports: string[]; viteMetadata?: { importedCss: Set<string> } }
  | { type: 'asset'; fileName: string; source: string | Uint8Array };

export interface EntrySize {
  name: string;
  /** Gzipped bytes of the entry's JavaScript and every chunk it imports statically. */
  js: number;
  /** Gzipped bytes of the stylesheets those chunks bring. */
  css: number;
  /** js + css (+ the page itself, for an HTML entry). */
  total: number;
}

// zlib's default level (6), what web servers typically send.
const gzipped = (content: string | Uint8Array) => gzipSync(content).length;

/**
 * What loading each entry costs a page: the entry chunk, the chunks it imports statically (lazy
 * `import()` chunks are not loaded up front) and their CSS, each file gzipped like a server sends it.
 * `html` adds that page (the admin app's index.html) to the entry it loads.
 */
export function entrySizes(files: OutputFile[], html?: string): EntrySize[] {
  const byName = new Map(files.map((file) => [file.fileName, file]));
  return files.flatMap((file) => {
    if (file.type !== 'chunk' || !file.isEntry) return [];
    const chunks = new Set<string>();
    const visit = (fileName: string) => {
      const chunk = byName.get(fileName);
      if (chunk?.type !== 'chunk' || chunks.has(fileName)) return;
      chunks.add(fileName);
      chunk.imports.forEach(visit);
    };
    visit(file.fileName);
    const styles = new Set([...chunks].flatMap((fileName) => {
      const chunk = byName.get(fileName);
      return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
    }));
    const size = (fileName: string) => {
      const output = byName.get(fileName);
      return output ? gzipped(output.type === 'chunk' ? output.code : output.source) : 0;
    };
    const js = [...chunks].reduce((sum, fileName) => sum + size(fileName), 0);
    const css = [...styles].reduce((sum, fileName) => sum + size(fileName), 0);
    const page = html && byName.has(html) ? size(html) : 0;
    return [{ name: file.name, js, css, total: js + css + page }];
  });
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * Prints each budgeted entry's gzipped cost after a build and fails the build above its budget
 * (issue 14: the composer ≤ 170 kB, the admin app's first load ≤ 100 kB).
 */
export function bundleBudget(budgets: Record<string, number>, options: { html?: string } = {}): Plugin {
  let production = true;
  return {
    name: 'memberlink-bundle-budget',
    apply: 'build',
    // After Vite's own plugins, so the emitted index.html is in the bundle.
    enforce: 'post',
    // A build under NODE_ENV=test (the e2e suites build the app inside vitest) bundles React's
    // development build: its size says nothing about what a visitor loads.
    configResolved(config) {
      production = config.isProduction;
    },
    generateBundle(_output, bundle) {
      if (!production) return;
      const sizes = entrySizes(Object.values(bundle) as OutputFile[], options.html);
      for (const size of sizes) {
        const budget = budgets[size.name];
        if (budget === undefined) continue;
        const line = `${size.name}: ${kB(size.total)} gzipped (JS ${kB(size.js)}, CSS ${kB(size.css)}), budget ${kB(budget)}`;
        if (size.total > budget) this.error(`over budget: ${line}`);
        this.info(line);
      }
    },
  };
}
