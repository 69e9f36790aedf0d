/**
 * A list opened by typing in an editor (`{{` fields, `/` blocks). The suggestion plugin owns the query
 * and the range; the store owns the highlight, so React renders the list (combobox pattern).
 */
export interface SuggestionListState<T> {
  query: string;
  items: T[];
  highlighted: number;
  loading: boolean;
  /**
   * Where the typed text sits on screen now (measured at each call, so the list follows it while the
   * page or a container scrolls); null when nothing is laid out.
   */
  anchor: (() => DOMRect | null) | null;
  /** The contenteditable that owns the list: it carries aria-activedescendant while the list is open. */
  owner: HTMLElement;
  choose: (item: T) => void;
  /** Ends the suggestion in its editor (as Escape does): the list closes and keys go to the text again. */
  dismiss: () => void;
}

export type ShownSuggestionList<T> = Omit<SuggestionListState<T>, 'highlighted'>;

/** Keeps the highlight while the list only refreshes (e.g. items resolving), resets it when the query changes. */
export function nextSuggestionList<T>(previous: SuggestionListState<T> | null, shown: ShownSuggestionList<T>): SuggestionListState<T> {
  const keep = previous !== null && previous.query === shown.query;
  const highlighted = keep ? Math.min(previous.highlighted, Math.max(shown.items.length - 1, 0)) : 0;
  return { ...shown, highlighted };
}
