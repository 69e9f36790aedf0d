/**
 * The colours an author may give text: one list for the composer's swatches, for validation and for
 * the email's dark mode. Each entry has a text colour (readable on the white card, 4.5:1 or more), its
 * dark-mode twin (readable on the dark card, 4.5:1 or more) and a highlight (a pale tint the dark body
 * text stays readable on). Nothing outside the list reaches an email.
 */
export interface PaletteColor {
  /** What the swatch is called ("Text colour: Red"). */
  name: string;
  text: string;
  /** What `text` becomes when the reader's mail app is in dark mode (the card is then `EMAIL_CARD.dark`). */
  darkText: string;
  highlight: string;
}

/** The card the text sits on in each colour scheme: what the palette's text colours must read on. */
export const EMAIL_CARD = { light: '#ffffff', dark: '#1f2328' } as const;

export const PALETTE: readonly PaletteColor[] = [
  { name: 'Grey', text: '#4b5563', darkText: '#9ca3af', highlight: '#e5e7eb' },
  { name: 'Red', text: '#b91c1c', darkText: '#f87171', highlight: '#fee2e2' },
  { name: 'Orange', text: '#c2410c', darkText: '#fb923c', highlight: '#ffedd5' },
  { name: 'Yellow', text: '#a16207', darkText: '#facc15', highlight: '#fef08a' },
  { name: 'Green', text: '#15803d', darkText: '#4ade80', highlight: '#dcfce7' },
  { name: 'Blue', text: '#1d4ed8', darkText: '#60a5fa', highlight: '#dbeafe' },
  { name: 'Purple', text: '#7e22ce', darkText: '#c084fc', highlight: '#f3e8ff' },
  { name: 'Pink', text: '#be185d', darkText: '#f472b6', highlight: '#fce7f3' },
];

/**
 * The two marks that carry a palette colour: which of an entry's colours each takes, what a person
 * calls it (toolbar, validation messages) and the CSS property it sets (email and editor alike).
 */
export const COLOR_MARKS = {
  textColor: { role: 'text', label: 'Text colour', cssProperty: 'color' },
  highlight: { role: 'highlight', label: 'Highlight', cssProperty: 'background-color' },
} as const;
export type ColorMarkType = keyof typeof COLOR_MARKS;

/** The palette entry whose colour for `mark` is `value` (any letter case), or undefined. */
export function paletteColor(mark: ColorMarkType, value: unknown): PaletteColor | undefined {
  if (typeof value !== 'string') return undefined;
  const hex = value.toLowerCase();
  return PALETTE.find((entry) => entry[COLOR_MARKS[mark].role] === hex);
}

/** `value` in the palette's spelling when it is a palette colour for `mark`, else null. */
export function paletteValue(mark: ColorMarkType, value: unknown): string | null {
  return paletteColor(mark, value)?.[COLOR_MARKS[mark].role] ?? null;
}
