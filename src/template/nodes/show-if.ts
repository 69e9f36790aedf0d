/**
 * Show if…: blocks only some recipients get (those holding an offer, holding none, or whose custom
 * field equals a value). Compiled once into a region the fill keeps or drops per recipient.
 */
import { stringAttr, type DocNode } from '../document';
import { joinBlocks, regionMarker, regionTemplate, type ShowIfCondition } from '../regions';
import { COLUMN_INDENT, type NodeSerializer } from '../serializer';
import { concat, isEmptyTemplate } from '../template-fragments';

export const SHOW_IF_CONDITIONS = ['offer', 'no_offer', 'field'] as const;

/** The node's condition, or null when its attributes make none (validation names what is missing). */
export function showIfCondition(node: DocNode): ShowIfCondition | null {
  switch (stringAttr(node, 'condition')) {
    case 'offer': {
      const offerId = stringAttr(node, 'offerId').trim();
      return offerId ? { kind: 'offer', offerId } : null;
    }
    case 'no_offer':
      return { kind: 'no_offer' };
    case 'field': {
      const field = stringAttr(node, 'field').trim();
      return field ? { kind: 'field', field, value: stringAttr(node, 'value') } : null;
    }
    default:
      return null;
  }
}

// A node without a usable condition shows to nobody: sending it to everyone is the worse mistake.
const NOBODY: ShowIfCondition = { kind: 'offer', offerId: '' };
const conditionOf = (node: DocNode) => ({ kind: 'show_if' as const, condition: showIfCondition(node) ?? NOBODY });

export const showIf: NodeSerializer = {
  // Between column elements the markers travel in `mj-raw`, which MJML writes out unwrapped.
  mjml: (node, ctx) =>
    concat(
      '<mj-raw>', regionMarker(conditionOf(node), 'html'), '</mj-raw>\n',
      ctx.columnElements(node),
      COLUMN_INDENT, '<mj-raw>', regionMarker({ kind: 'end' }, 'html'), '</mj-raw>',
    ),
  html: (node, ctx) => regionTemplate(conditionOf(node), 'html', ctx.blocks(node)),
  text(node, ctx) {
    const blocks = ctx.blocks(node);
    // The text part drops empty blocks; an SMS keeps its blank lines.
    const kept = ctx.slotContext === 'sms' ? blocks : blocks.filter((block) => !isEmptyTemplate(block));
    return regionTemplate(conditionOf(node), ctx.slotContext, joinBlocks(kept, ctx.slotContext === 'sms' ? '\n' : '\n\n'));
  },
};
