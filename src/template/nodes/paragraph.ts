import type { NodeSerializer } from '../serializer';
import { concat, isEmptyTemplate } from '../template-fragments';
import { textAlignStyle } from './alignment';

export const paragraph: NodeSerializer = {
  html(node, ctx) {
    const content = ctx.inline(node);
    // An empty paragraph is the author's blank line; an empty <p> would collapse to nothing.
    return concat(`<p style="margin:0 0 16px${textAlignStyle(node)}">`, isEmptyTemplate(content) ? '<br />' : content, '</p>');
  },
  text: (node, ctx) => ctx.inline(node),
};
