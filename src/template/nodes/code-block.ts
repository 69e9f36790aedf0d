import type { NodeSerializer } from '../serializer';
import { concat } from '../template-fragments';

const STYLE =
  'margin:0 0 16px;padding:12px;background:#f4f5f7;border-radius:4px;' +
  'font-family:Menlo,Consolas,monospace;font-size:14px;line-height:1.4;white-space:pre-wrap';

export const codeBlock: NodeSerializer = {
  html: (node, ctx) => concat(`<pre style="${STYLE}"><code>`, ctx.inline(node), '</code></pre>'),
  text: (node, ctx) => ctx.inline(node),
};
