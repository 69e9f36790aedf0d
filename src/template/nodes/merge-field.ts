import { stringAttr, type DocNode } from '../document';
import { isCustomValueKey } from '../custom-value';
import { escapeHtml } from '../escape';
import type { NodeSerializer } from '../serializer';
import type { SlotContext } from '../slots';
import { slotTemplate, type Fragment } from '../template-fragments';

/**
 * An inline custom value chosen from the catalog. A node whose key is not a custom-value key
 * (validation reports it) shows its fallback instead of producing a slot nobody can fill.
 */
function mergeFieldSlot(node: DocNode, context: SlotContext, encodeFallback: (s: string) => string): Fragment {
  const key = stringAttr(node, 'key');
  const fallback = stringAttr(node, 'fallback');
  if (!isCustomValueKey(key)) return encodeFallback(fallback);
  return slotTemplate(fallback ? { key, fallback, context } : { key, context });
}

export const mergeField: NodeSerializer = {
  html: (node) => mergeFieldSlot(node, 'html', escapeHtml),
  text: (node, ctx) => mergeFieldSlot(node, ctx.slotContext, (fallback) => fallback),
};
