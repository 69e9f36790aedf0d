/** An inclusive range of whole numbers an attribute may take (heading levels, pixel sizes). */
export interface WholeNumberRange {
  min: number;
  max: number;
}

/**
 * Whether `value` is a whole number within `range`: the one test the stored document's readers
 * (serializers, editor nodes), the validator and the composer's forms apply to sized attributes.
 */
export function isWholeNumberIn(value: unknown, range: WholeNumberRange): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}
