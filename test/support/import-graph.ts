/**
 * The repository's own import graph, read from the source text: which file imports which (relative
 * imports only; packages are leaves) and whether the import is type-only. Enough for the
 * architecture tests; no package needed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface ImportEdge {
  /** Repository-relative paths, e.g. server/render/render-message.ts. */
  from: string;
  to: string;
  typeOnly: boolean;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(REPO_ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(REPO_ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function resolveImport(from: string, spec: string): string {
  const base = join(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(join(REPO_ROOT, candidate)).isFile()) return relative(REPO_ROOT, join(REPO_ROOT, candidate));
    } catch {
      // not this one
    }
  }
  return relative(REPO_ROOT, join(REPO_ROOT, base));
}

export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    // `import { type A, type B } from` is type-only too: every named binding says `type`.
    const clause = m[0].slice(0, m[0].lastIndexOf('from'));
    const braces = /\{([^}]*)\}/.exec(clause);
    const allTyped =
      !!braces && !/^\s*import\s+[A-Za-z_$][\w$]*\s*,/.test(clause.trim()) &&
      braces[1].split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    edges.push({ from: file, to: resolveImport(file, m[3]), typeOnly: Boolean(m[2]) || allTyped });
  }
  for (const m of text.matchAll(DYNAMIC)) edges.push({ from: file, to: resolveImport(file, m[1]), typeOnly: false });
  return edges;
}

/** The folder a file belongs to under `root` (server/render/x.ts → render), or null outside it. */
export function folderUnder(root: string, file: string): string | null {
  if (!file.startsWith(`${root}/`)) return null;
  const rest = file.slice(root.length + 1).split('/');
  return rest.length > 1 ? rest[0] : null;
}

/** Strongly connected components with more than one member (Tarjan): every loop in the graph. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const lowlinks = new Map<string, number>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowlinks.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowlinks.set(node, Math.min(lowlinks.get(node)!, lowlinks.get(next)!));
      } else if (onStack.has(next)) {
        lowlinks.set(node, Math.min(lowlinks.get(node)!, indices.get(next)!));
      }
    }
    if (lowlinks.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}
