/** Text colour and highlight: inline CSS from the palette only; plain text is unchanged. */
import { escapeHtml } from '../escape';
import { COLOR_MARKS, PALETTE, paletteColor, type ColorMarkType, type PaletteColor } from '../palette';
import type { MarkSerializer } from '../serializer';

const TEXT_COLOR_CLASS = 'ml-text-color';
const HIGHLIGHT_CLASS = 'ml-highlight';

/** The class naming one palette entry's text colour ("ml-text-color--blue"): dark mode swaps it by this. */
export function textColorClass(entry: PaletteColor): string {
  return `${TEXT_COLOR_CLASS}--${entry.name.toLowerCase()}`;
}

/**
 * A `<span>` with the palette colour as inline CSS (mail clients honour inline styles). A colour not
 * in the palette (validation refuses it) leaves a bare span: the run keeps its text, not the value.
 */
function colorMark(mark: ColorMarkType, classesOf: (entry: PaletteColor) => string): MarkSerializer {
  const { role, cssProperty } = COLOR_MARKS[mark];
  return {
    open(docMark) {
      const entry = paletteColor(mark, docMark.attrs?.color);
      return entry ? `<span class="${classesOf(entry)}" style="${cssProperty}:${escapeHtml(entry[role])}">` : '<span>';
    },
    close: '</span>',
  };
}

export const textColor = colorMark('textColor', (entry) => `${TEXT_COLOR_CLASS} ${textColorClass(entry)}`);
export const highlight = colorMark('highlight', () => HIGHLIGHT_CLASS);

/**
 * The colour marks' rules for dark mode (inside the email's `prefers-color-scheme: dark` block):
 * coloured text takes its entry's dark twin, which reads on the dark card where the inline colour
 * would not. A highlight keeps its pale tint, so the text on it stays dark: plain text takes the
 * body colour, coloured text keeps its light-scheme colour (the more specific rules win).
 */
export function colorMarksDarkSchemeCss(card: string): string {
  const onCard = PALETTE.map((entry) => `${card} .${textColorClass(entry)} { color: ${entry.darkText} !important; } `);
  const onHighlight = PALETTE.map(
    (entry) =>
      `${card} .${HIGHLIGHT_CLASS} .${textColorClass(entry)}, ${card} .${textColorClass(entry)} .${HIGHLIGHT_CLASS} { color: ${entry.text} !important; } `,
  );
  return [...onCard, `${card} .${HIGHLIGHT_CLASS} { color: #1f2933 !important; } `, ...onHighlight].join('');
}
