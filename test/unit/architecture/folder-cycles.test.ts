/**
 * The folders of the message path import one way: none reaches back into a folder that imports
 * it, so a send reads composer → template → render → delivery → member without crossing back.
 * Type-only imports count too (a loop of types is still two folders that must change together).
 * The plumbing folders (http, auth, sites, db, events…) are outside this rule: every folder uses
 * them and they still reach into a few (routes, sessions) — see MESSAGE_PATH.
 */
import { describe, expect, it } from 'vitest';
import { cycles, folderUnder, importsOf, sourceFiles } from '../../support/import-graph.ts';

/** The folders a message crosses, from the stored template to the member's page. */
const MESSAGE_PATH = new Set(['templates', 'render', 'messages', 'delivery', 'member', 'links', 'offers', 'contacts', 'webhooks', 'conversations', 'workflows', 'channels']);

function folderGraph(): { graph: Map<string, Set<string>>; why: Map<string, string> } {
  const graph = new Map<string, Set<string>>();
  const why = new Map<string, string>();
  for (const file of sourceFiles('server')) {
    const from = folderUnder('server', file);
    if (!from || !MESSAGE_PATH.has(from)) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const edge of importsOf(file)) {
      const to = folderUnder('server', edge.to);
      if (!to || to === from || !MESSAGE_PATH.has(to)) continue;
      graph.get(from)!.add(to);
      if (!why.has(`${from}→${to}`)) why.set(`${from}→${to}`, `${edge.from} imports ${edge.to}`);
    }
  }
  return { graph, why };
}

describe('folders on the message path', () => {
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
