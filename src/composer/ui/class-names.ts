/** Joins the truthy class names: `classNames('ml-a', active && 'ml-a--on')`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
