/**
 * Where a magic link may land. Pure: shared by minting (refuse to sign anything else) and
 * verification (a signed token naming anything else is malformed).
 *
 * The destination is a path below the member site root without a leading slash, so it is
 * checked against a closed set rather than sanitised: a value either is one of these exact
 * shapes or it is refused. That rules out `//evil.example`, `https:evil`, percent-encoded or
 * backslashed slashes, dot segments, queries and fragments without listing them.
 */
import { ITEM_DESTINATIONS, LEARNER_SECTIONS } from '../../src/template/destinations.ts';
import { UUID_PATTERN } from '../../src/template/uuid.ts';

/** The fixed sections; `''` is the member site's home page. */
export const DESTINATIONS = LEARNER_SECTIONS.map((d) => d.path);

/** Sections whose single items have their own page: `courses/<uuid>`, `communities/<uuid>`. */
export const ITEM_SECTIONS = ITEM_DESTINATIONS.map((d) => d.section);

export function isValidDestination(dest: unknown): dest is string {
  if (typeof dest !== 'string') return false;
  if ((DESTINATIONS as readonly string[]).includes(dest)) return true;
  const slash = dest.indexOf('/');
  if (slash < 0) return false;
  const section = dest.slice(0, slash);
  const item = dest.slice(slash + 1);
  return (ITEM_SECTIONS as readonly string[]).includes(section) && UUID_PATTERN.test(item);
}

/** Staff (`user`) links always land on the admin login route, so their destination is `''`. */
export function isValidDestinationFor(kind: 'learner' | 'user', dest: unknown): dest is string {
  return kind === 'user' ? dest === '' : isValidDestination(dest);
}
