import { stringAttr, type DocNode } from '../document';
import { hexColorOr } from '../colors';
import { alignOf } from './alignment';
import type { EmailStyle, NodeSerializer } from '../serializer';
import { concat } from '../template-fragments';
import { hrefAttribute, hrefWithValues, htmlWithValues, plainWithValues } from '../value-fragments';

function colorsOf(node: DocNode, style: EmailStyle) {
  return {
    background: hexColorOr(node.attrs?.backgroundColor, style.brandColor),
    text: hexColorOr(node.attrs?.textColor, '#ffffff'),
  };
}

/** A call-to-action link, usually a magic link: `href` is a whole custom value then. */
export const button: NodeSerializer = {
  mjml(node, ctx) {
    const colors = colorsOf(node, ctx.style);
    return concat(
      '<mj-button href="', hrefAttribute(stringAttr(node, 'href')), '"',
      ` align="${alignOf(node)}" background-color="${colors.background}" color="${colors.text}"`,
      node.attrs?.fullWidth === true ? ' width="100%"' : '',
      '>', htmlWithValues(stringAttr(node, 'label')), '</mj-button>',
    );
  },
  // Inside a quote or list MJML components are not allowed: a styled link does the same job.
  html(node, ctx) {
    const colors = colorsOf(node, ctx.style);
    const display = node.attrs?.fullWidth === true ? 'block' : 'inline-block';
    return concat(
      `<p style="margin:0 0 16px;text-align:${alignOf(node)}">`,
      '<a href="', hrefAttribute(stringAttr(node, 'href')), '" target="_blank"',
      ` style="display:${display};padding:12px 24px;border-radius:6px;background:${colors.background};`,
      `color:${colors.text};font-weight:bold;text-decoration:none">`,
      htmlWithValues(stringAttr(node, 'label')), '</a></p>',
    );
  },
  text(node, ctx) {
    const label = plainWithValues(stringAttr(node, 'label'), ctx.slotContext);
    const url = hrefWithValues(stringAttr(node, 'href'), ctx.slotContext);
    return url ? concat(label, ': ', url) : label;
  },
};
