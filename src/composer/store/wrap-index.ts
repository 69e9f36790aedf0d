/** Moves a highlight through `count` options, wrapping past either end (ArrowDown on the last goes to the first). */
export function wrapIndex(index: number, count: number): number {
  return count === 0 ? 0 : ((index % count) + count) % count;
}
