import type { SmsSegmentCount } from '../../template';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "152 characters · 1 segment (GSM-7)". Characters are what the carrier counts (an emoji is two). */
export function formatSmsCount({ units, segments, encoding }: SmsSegmentCount): string {
  return `${plural(units, 'character', 'characters')} · ${plural(segments, 'segment', 'segments')} (${encoding})`;
}
