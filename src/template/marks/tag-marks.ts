/** Formatting marks that are one HTML element each and leave plain text unchanged. */
import type { MarkSerializer } from '../serializer';

function tagMark(tag: string, style?: string): MarkSerializer {
  return { open: () => (style ? `<${tag} style="${style}">` : `<${tag}>`), close: `</${tag}>` };
}

export const bold = tagMark('strong');
export const italic = tagMark('em');
export const underline = tagMark('u');
export const strike = tagMark('s');
export const code = tagMark(
  'code',
  'font-family:Menlo,Consolas,monospace;font-size:90%;background:#f4f5f7;padding:1px 4px;border-radius:3px',
);
