import type { ThreadItem } from '../../api/types';

/** A system event as one short line, e.g. "Access granted: Piano Club". */
export function describeEvent(item: ThreadItem): string {
  const offer = typeof item.details?.offerTitle === 'string' ? item.details.offerTitle : null;
  switch (item.type) {
    case 'offer.access_granted':
      return offer ? `Access granted: ${offer}` : 'Access granted';
    case 'offer.access_revoked':
      return offer ? `Access revoked: ${offer}` : 'Access revoked';
    case 'link.redeemed':
      return 'Logged in with a magic link';
    case 'link.expired':
      return 'Opened an expired link';
    case 'link.resent':
      return 'Asked for a new link — sent';
    case 'link.no_access':
      return 'Opened a link without an active offer';
    default:
      return item.type ?? 'Event';
  }
}

/** Who sent an outbound message (`staff:<id>`, `workflow:<id>`, …), in words. */
export function describeSender(sentBy: string | null): string {
  const kind = sentBy?.split(':')[0];
  switch (kind) {
    case 'staff':
      return 'Agent';
    case 'workflow':
      return 'Workflow';
    case 'api-key':
      return 'API';
    case 'operator':
      return 'Operator';
    case 'system':
      return 'Automatic';
    default:
      return sentBy ?? '';
  }
}

/** A line of an email's text version for the compact view: links left out (they carry tokens). */
export function snippetOf(text: string | null, length = 140): string {
  const plain = (text ?? '').replace(/\[?https?:\/\/\S+\]?/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > length ? `${plain.slice(0, length - 1)}…` : plain;
}
