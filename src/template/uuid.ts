/** Canonical lower-case UUID (how PostgreSQL renders ids). The one pattern every id check uses. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a value is a UUID in any letter case (for ids typed or pasted by people). */
export function isUuidAnyCase(value: string): boolean {
  return UUID_PATTERN.test(value.toLowerCase());
}
