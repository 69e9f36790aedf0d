/**
 * Colours end up in MJML attributes and inline CSS. Only hex colours are accepted: MJML's strict
 * validation knows them, and nothing else can smuggle CSS or markup.
 */
const HEX_COLOR = /^#(?:[0-9a-f]{3}){1,2}$/i;

export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

export function hexColorOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && isHexColor(value) ? value : fallback;
}
