/**
 * server/ folders import one way: a folder never reaches back into a folder that imports it, so
 * the message path reads composer → template → render → delivery → member. Type-only imports
 * count too (a loop of types is still two folders that must change together).
 */
import { describe, expect, it } from 'vitest';
import { cycles, folderUnder, importsOf, sourceFiles } from '../../support/import-graph.ts';

function folderGraph(): { graph: Map<string, Set<string>>; why: Map<string, string> } {
  const graph = new Map<string, Set<string>>();
  const why = new Map<string, string>();
  for (const file of sourceFiles('server')) {
    const from = folderUnder('server', file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const edge of importsOf(file)) {
      const to = folderUnder('server', edge.to);
      if (!to || to === from) continue;
      graph.get(from)!.add(to);
      if (!why.has(`${from}→${to}`)) why.set(`${from}→${to}`, `${edge.from} imports ${edge.to}`);
    }
  }
  return { graph, why };
}

describe('server folders', () => {
  it('import without loops', () => {
    const { graph, why } = folderGraph();
    const loops = cycles(graph).map((component) => {
      const inside = new Set(component);
      const edges = [...why].filter(([key]) => {
        const [a, b] = key.split('→');
        return inside.has(a) && inside.has(b);
      });
      return `${component.join(' ↔ ')}:\n${edges.map(([, line]) => `    ${line}`).join('\n')}`;
    });
    expect(loops, `folder loops:\n${loops.join('\n')}`).toEqual([]);
  });
});
