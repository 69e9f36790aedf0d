import { isHexColor } from '../../template/colors';
import { isAllowedLinkHref } from '../magic-link/link-href';

export type ButtonAlign = 'left' | 'center' | 'right';

export const BUTTON_ALIGNS: readonly ButtonAlign[] = ['left', 'center', 'right'];

export interface ButtonAttributes {
  href: string;
  label: string;
  align: ButtonAlign;
  backgroundColor: string;
  textColor: string;
  fullWidth: boolean;
}

export const DEFAULT_BUTTON: ButtonAttributes = {
  href: '',
  label: 'Log in',
  align: 'center',
  backgroundColor: '#1d4ed8',
  textColor: '#ffffff',
  fullWidth: false,
};

/**
 * Keeps what is valid in `changes` and drops the rest, so pasted HTML or a stray command can never
 * store an unsafe address or a colour that escapes its style declaration (only hex colours pass,
 * the compiler's rule too).
 */
export function sanitizeButtonAttributes(changes: Partial<Record<keyof ButtonAttributes, unknown>>): Partial<ButtonAttributes> {
  const clean: Partial<ButtonAttributes> = {};
  const { href, label, align, backgroundColor, textColor, fullWidth } = changes;
  // '' is a valid choice: a button whose address is still to be picked.
  if (typeof href === 'string' && (href.trim() === '' || isAllowedLinkHref(href.trim()))) clean.href = href.trim();
  if (typeof label === 'string') clean.label = label;
  if (BUTTON_ALIGNS.includes(align as ButtonAlign)) clean.align = align as ButtonAlign;
  if (typeof backgroundColor === 'string' && isHexColor(backgroundColor)) clean.backgroundColor = backgroundColor;
  if (typeof textColor === 'string' && isHexColor(textColor)) clean.textColor = textColor;
  if (typeof fullWidth === 'boolean') clean.fullWidth = fullWidth;
  return clean;
}
