/**
 * For each unlocked course / community: one card per item the recipient can open (title,
 * description, a button with that item's own magic link). The card is compiled once as a repeat
 * region and filled per item per recipient; SMS refuses the block (validate.ts).
 */
import { stringAttr, type DocNode } from '../document';
import { gapMarker, ITEM_KEYS, REPEAT_LISTS, regionMarker, regionTemplate, type RepeatList } from '../regions';
import { COLUMN_INDENT, type HtmlContext, type NodeSerializer } from '../serializer';
import { concat } from '../template-fragments';
import { htmlWithValues, plainWithValues } from '../value-fragments';
import { button } from './button';

export const DEFAULT_ITEM_BUTTON_LABEL = 'Open';

export function unlockedItemsList(node: DocNode): RepeatList {
  const list = stringAttr(node, 'list');
  return (REPEAT_LISTS as readonly string[]).includes(list) ? (list as RepeatList) : 'courses';
}

const repeatOf = (node: DocNode) => ({ kind: 'repeat' as const, list: unlockedItemsList(node) });

/** The card's button is an ordinary button whose address is the item's own magic link. */
function cardButton(node: DocNode): DocNode {
  const label = stringAttr(node, 'buttonLabel').trim() || DEFAULT_ITEM_BUTTON_LABEL;
  return { type: 'button', attrs: { href: `{{${ITEM_KEYS.magicLink}}}`, label, align: 'left' } };
}

const TITLE = '<h3 style="margin:0 0 4px;font-size:18px;line-height:1.3">';
const DESCRIPTION = '<p style="margin:0 0 8px;color:#52606d">';

function cardText() {
  return concat(TITLE, htmlWithValues(`{{${ITEM_KEYS.title}}}`), '</h3>', DESCRIPTION, htmlWithValues(`{{${ITEM_KEYS.description}}}`), '</p>');
}

export const unlockedItems: NodeSerializer = {
  mjml: (node, ctx: HtmlContext) =>
    concat(
      '<mj-raw>', regionMarker(repeatOf(node), 'html'), '</mj-raw>\n',
      COLUMN_INDENT, '<mj-text padding="8px 24px 0">', cardText(), '</mj-text>\n',
      COLUMN_INDENT, button.mjml!(cardButton(node), ctx), '\n',
      COLUMN_INDENT, '<mj-raw>', regionMarker({ kind: 'end' }, 'html'), '</mj-raw>',
    ),
  html: (node, ctx) => regionTemplate(repeatOf(node), 'html', concat(cardText(), button.html(cardButton(node), ctx))),
  text(node, ctx) {
    const title = plainWithValues(`{{${ITEM_KEYS.title}}}`, ctx.slotContext);
    const description = plainWithValues(`{{${ITEM_KEYS.description}}}`, ctx.slotContext);
    // Each card is a block of its own: a gap before each one separates them.
    const card = concat(gapMarker('\n\n'), title, '\n', description, '\n', button.text(cardButton(node), ctx));
    return regionTemplate(repeatOf(node), ctx.slotContext, card);
  },
};
