import type { DocNode } from '../../src/template';

/** All nodes of a type in a document, depth first. */
export function nodesOfType(doc: DocNode, type: string): DocNode[] {
  const found: DocNode[] = [];
  const visit = (node: DocNode) => {
    if (node.type === type) found.push(node);
    node.content?.forEach(visit);
  };
  visit(doc);
  return found;
}
