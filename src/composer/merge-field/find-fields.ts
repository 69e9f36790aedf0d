import type { CustomValue } from '../../template';

/**
 * The catalog entries matching what follows `{{`, by label or key, case-insensitively. Entries whose
 * label, key or a key segment starts with the query come before those that merely contain it
 * ("first" ranks contact.first_name above a label like "Days since first login").
 */
export function findFields(catalog: readonly CustomValue[], query: string): CustomValue[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...catalog];
  const rank = (value: CustomValue): number => {
    const label = value.label.toLowerCase();
    const key = value.key.toLowerCase();
    if (label.startsWith(needle) || key.startsWith(needle) || key.split('.').some((part) => part.startsWith(needle))) return 0;
    if (label.includes(needle) || key.includes(needle)) return 1;
    return -1;
  };
  return catalog
    .map((value) => ({ value, rank: rank(value) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank) // Array.prototype.sort is stable: catalog order breaks ties.
    .map((entry) => entry.value);
}
