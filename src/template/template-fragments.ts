/**
 * Serializers build their output as small `TextTemplate`s and glue them together, so literal text
 * and slots never have to be told apart again later.
 */
import type { Slot, TextTemplate } from './slots';

export type Fragment = TextTemplate | string;

export const EMPTY_TEMPLATE: TextTemplate = { parts: [''], slots: [] };

export function slotTemplate(slot: Slot): TextTemplate {
  return { parts: ['', ''], slots: [slot] };
}

export function concat(...fragments: Fragment[]): TextTemplate {
  return concatAll(fragments);
}

/** `concat` for arrays of any length (spreading a huge array into arguments can overflow). */
export function concatAll(fragments: readonly Fragment[]): TextTemplate {
  const parts = [''];
  const slots: Slot[] = [];
  for (const fragment of fragments) {
    if (typeof fragment === 'string') {
      parts[parts.length - 1] += fragment;
      continue;
    }
    parts[parts.length - 1] += fragment.parts[0];
    for (let i = 0; i < fragment.slots.length; i++) {
      slots.push(fragment.slots[i]);
      parts.push(fragment.parts[i + 1]);
    }
  }
  return { parts, slots };
}

export function join(fragments: readonly Fragment[], separator: string): TextTemplate {
  return concatAll(fragments.flatMap((fragment, i) => (i === 0 ? [fragment] : [separator, fragment])));
}

/** Transforms literal text only; slot values are unknown until send time. */
export function mapLiterals(template: TextTemplate, transform: (literal: string) => string): TextTemplate {
  return { ...template, parts: template.parts.map(transform) };
}

export function isEmptyTemplate(template: TextTemplate): boolean {
  return template.slots.length === 0 && template.parts[0] === '';
}

/** Prefixes every line: `first` on the first, `rest` on each following one (list markers, quotes). */
export function prefixLines(template: TextTemplate, first: string, rest: string): TextTemplate {
  const indented = mapLiterals(template, (literal) => literal.replaceAll('\n', '\n' + rest));
  return concat(first, indented);
}

/** Same literal text and same values in the same places (contexts aside). */
export function templatesEqual(a: TextTemplate, b: TextTemplate): boolean {
  return (
    a.parts.length === b.parts.length &&
    a.parts.every((part, i) => part === b.parts[i]) &&
    a.slots.every((slot, i) => slot.key === b.slots[i].key && slot.fallback === b.slots[i].fallback)
  );
}
