import { UNSUBSCRIBE_URL_KEY } from '../catalog';
import type { NodeSerializer } from '../serializer';
import { concat, join } from '../template-fragments';
import { hrefAttribute, hrefWithValues, htmlWithValues, plainWithValues } from '../value-fragments';

const SITE_NAME = '{{site.title}}';
const POSTAL_ADDRESS = '{{site.postal_address}}';
const UNSUBSCRIBE = `{{${UNSUBSCRIBE_URL_KEY}}}`;
const UNSUBSCRIBE_LABEL = 'Unsubscribe';

const LINE = '<p style="margin:0 0 4px;font-size:13px;line-height:1.5;color:#616e7c;text-align:center">';

/**
 * Who sent the email and how to stop receiving it: the site's name and postal address (from Site
 * Details, filled per send) and the recipient's own one-click unsubscribe link, the address the
 * List-Unsubscribe header carries. No attributes: it always says the same, from the site's data.
 */
export const footer: NodeSerializer = {
  html: () =>
    concat(
      LINE, htmlWithValues(SITE_NAME), '</p>',
      LINE, htmlWithValues(POSTAL_ADDRESS), '</p>',
      LINE, '<a href="', hrefAttribute(UNSUBSCRIBE), '" target="_blank" style="color:#616e7c;text-decoration:underline">',
      UNSUBSCRIBE_LABEL, '</a></p>',
    ),
  mjml: (node, ctx) => concat('<mj-text padding="16px 24px 0">', footer.html(node, ctx), '</mj-text>'),
  text: (_node, ctx) =>
    join(
      [
        plainWithValues(SITE_NAME, ctx.slotContext),
        plainWithValues(POSTAL_ADDRESS, ctx.slotContext),
        concat(`${UNSUBSCRIBE_LABEL}: `, hrefWithValues(UNSUBSCRIBE, ctx.slotContext)!),
      ],
      '\n',
    ),
};
