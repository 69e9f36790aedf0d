import type { MagicLinkKind, MagicLinkTarget } from '../../template';
import { fixedDestinationsFor } from '../../template/destinations';
import type { MagicLinkDestinationOption } from '../types';

interface BaseDestination extends MagicLinkDestinationOption {
  /** The text a new link gets when nothing is selected: it says where the reader lands. */
  linkText: string;
}

// Destinations every member site has (a user link has only the admin app). Values are paths below the
// site root ('' is home), the same `destination` that `magicLinkKey(kind, destination)` turns into a key.
const baseDestinations = (kind: MagicLinkKind): BaseDestination[] =>
  fixedDestinationsFor(kind).map((d) => ({ value: d.path, label: d.label, linkText: d.linkText }));
const LEARNER_DESTINATIONS = baseDestinations('learner');
const USER_DESTINATIONS = baseDestinations('user');

export const MAGIC_LINK_KINDS: readonly { kind: MagicLinkKind; label: string; hint: string }[] = [
  { kind: 'learner', label: 'Learner link', hint: 'Logs the member into the member site' },
  { kind: 'user', label: 'User link', hint: 'Logs a team member into the admin app' },
];

/** The destinations offered for a kind: the base ones, then (for learners) the host's courses and communities. */
export function destinationsFor(kind: MagicLinkKind, extra: readonly MagicLinkDestinationOption[]): MagicLinkDestinationOption[] {
  if (kind === 'user') return [...USER_DESTINATIONS];
  return [...LEARNER_DESTINATIONS, ...extra];
}

/** A short name for where a magic link leads, e.g. "Courses" or "Piano basics". */
export function destinationLabel(target: MagicLinkTarget, extra: readonly MagicLinkDestinationOption[]): string {
  const match = destinationsFor(target.kind, extra).find((option) => option.value === target.destination);
  return match?.label ?? target.destination;
}

/** Default text for a new link, e.g. "Log in to your courses" or "Open Piano basics". */
export function defaultLinkText(target: MagicLinkTarget, extra: readonly MagicLinkDestinationOption[]): string {
  const base = (target.kind === 'user' ? USER_DESTINATIONS : LEARNER_DESTINATIONS).find(
    (option) => option.value === target.destination,
  );
  return base?.linkText ?? `Open ${destinationLabel(target, extra)}`;
}
