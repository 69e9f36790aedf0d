import { magicLinkTarget, type CustomValue } from '../../template';
import { destinationLabel } from '../magic-link/magic-link-destinations';
import type { MagicLinkDestinationOption } from '../types';

export interface FieldDescription {
  label: string;
  /** False for a key the catalog does not list (e.g. typed by hand): the chip is drawn as a warning. */
  known: boolean;
}

export function describeField(
  key: string,
  catalog: readonly CustomValue[],
  destinations: readonly MagicLinkDestinationOption[],
): FieldDescription {
  const listed = catalog.find((value) => value.key === key);
  if (listed) return { label: listed.label, known: true };
  // Links to one course or community are not catalog data; the host names them in `destinations`.
  const target = magicLinkTarget(key);
  if (target) return { label: `Magic link: ${destinationLabel(target, destinations)}`, known: true };
  return { label: key, known: false };
}

/** What a chip shows: "First name", or "First name · there" when it has a fallback. */
export function mergeFieldChipText(label: string, fallback: string | null | undefined): string {
  return fallback ? `${label} · ${fallback}` : label;
}
