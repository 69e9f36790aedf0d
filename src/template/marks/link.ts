import { stringAttr } from '../document';
import type { MarkSerializer } from '../serializer';
import { concat, isEmptyTemplate, templatesEqual } from '../template-fragments';
import { hrefAttribute, hrefWithValues } from '../value-fragments';

export const link: MarkSerializer = {
  open: (mark, ctx) =>
    concat(
      '<a href="', hrefAttribute(stringAttr(mark, 'href')), '" target="_blank"',
      ` style="color:${ctx.style.brandColor};text-decoration:underline">`,
    ),
  close: '</a>',
  // Plain text and SMS have no hyperlinks: the address is written out after its label, once.
  text(mark, label, ctx) {
    const url = hrefWithValues(stringAttr(mark, 'href'), ctx.slotContext);
    if (!url) return label;
    if (isEmptyTemplate(label) || templatesEqual(label, url)) return url;
    return concat(label, ': ', url);
  },
};
