import { stringAttr, type DocNode } from '../document';

/** How a block (button, image, social icons) sits in its column. */
export const ALIGNMENTS = ['left', 'center', 'right'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

/** The stored alignment when it is one of the three, else centred (stored JSON is not trusted). */
export function alignOf(node: DocNode): Alignment {
  const align = stringAttr(node, 'align');
  return (ALIGNMENTS as readonly string[]).includes(align) ? (align as Alignment) : 'center';
}

/** Block-level margins that place a fixed-width element (an `<img>`) like `text-align` would. */
export const ALIGN_MARGIN: Record<Alignment, string> = { left: '0', center: '0 auto', right: '0 0 0 auto' };
