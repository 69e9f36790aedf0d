/**
 * How many SMS segments a text costs (3GPP TS 23.038 / 23.040). One character outside the GSM-7
 * alphabet switches the whole message to UCS-2 (UTF-16 code units on the wire).
 */

// The GSM-7 default alphabet in table order, without 0x1B (ESC, which introduces the extension table).
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// Reached through ESC, so each costs two septets.
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS = {
  'GSM-7': { single: 160, perPart: 153 },
  'UCS-2': { single: 70, perPart: 67 },
} as const;

export interface SmsSegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** 0 for an empty text. */
  segments: number;
  /** Capacity of one segment at the current length: 160/70 while single, 153/67 once split. */
  perSegment: number;
  /** Units still free in the last segment. */
  remaining: number;
}

function isGsm7(text: string): boolean {
  for (const char of text) {
    if (!GSM7_BASIC.has(char) && !GSM7_EXTENSION.has(char)) return false;
  }
  return true;
}

export function countSmsSegments(text: string): SmsSegmentCount {
  const encoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  // Per character, since a split message never cuts an escape pair or a surrogate pair in two.
  const costs: number[] = [];
  for (const char of text) {
    costs.push(encoding === 'GSM-7' ? (GSM7_EXTENSION.has(char) ? 2 : 1) : char.length);
  }
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, perPart } = LIMITS[encoding];
  if (units <= single) {
    return { encoding, units, segments: units === 0 ? 0 : 1, perSegment: single, remaining: single - units };
  }
  let segments = 1;
  let filled = 0;
  for (const cost of costs) {
    if (filled + cost > perPart) {
      segments++;
      filled = 0;
    }
    filled += cost;
  }
  return { encoding, units, segments, perSegment: perPart, remaining: perPart - filled };
}

export { LONGEST_PLAUSIBLE_MAGIC_LINK_LENGTH, LONGEST_PLAUSIBLE_SITE_HOST, sampleMagicLinkUrl } from './sample-magic-link';
