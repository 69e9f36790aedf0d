/**
 * Who may read which magic-link token live (everything else is masked by maskLinkTokens):
 * - a User Link (aud=user) only by the staff member it signs in, and only in the outbox;
 * - a member link (aud=learner) only in the embedded outbox, by roles with `outbox.liveMemberLinks`;
 * - threads, the inspector and every other response: nobody.
 */
import { principalMay, type Principal } from '../auth/principal.ts';
import type { KeepToken } from './mask-link-tokens.ts';

export function outboxTokenVisibility(principal: Principal): KeepToken {
  return ({ audience, subject }) => {
    if (audience === 'user') return principal.kind === 'staff' && subject === principal.userId;
    if (audience === 'learner') return principalMay(principal, 'outbox.liveMemberLinks');
    return false;
  };
}

/** Threads, the inspector, anything that is not the embedded outbox. */
export const noLiveTokens: KeepToken = () => false;
