/** Text colour and highlight: inline CSS from the palette only; plain text is unchanged. */
import { escapeHtml } from '../escape';
import { COLOR_MARKS, paletteValue, type ColorMarkType } from '../palette';
import type { MarkSerializer } from '../serializer';

/**
 * A `<span>` with the palette colour as inline CSS (mail clients honour inline styles). A colour not
 * in the palette (validation refuses it) leaves a bare span: the run keeps its text, not the value.
 */
function colorMark(mark: ColorMarkType, className: string): MarkSerializer {
  const property = COLOR_MARKS[mark].cssProperty;
  return {
    open(docMark) {
      const color = paletteValue(mark, docMark.attrs?.color);
      return color ? `<span class="${className}" style="${property}:${escapeHtml(color)}">` : '<span>';
    },
    close: '</span>',
  };
}

export const textColor = colorMark('textColor', 'ml-text-color');
// Its class lets dark mode keep highlighted text dark on the pale tint (compile-mjml.ts).
export const highlight = colorMark('highlight', 'ml-highlight');
