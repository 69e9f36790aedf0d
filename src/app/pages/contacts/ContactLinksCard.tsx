import { useState } from 'react';
import { listContactLinks, revokeAllLinks } from '../../api/contacts';
import type { IssuedLink } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { describeOutcome } from '../../ui/describe-link';
import { formatDateTime } from '../../ui/format';
import { EmptyState, ErrorState, Loading } from '../../ui/States';

/** The server judges each link as redemption would (including "revoke all"); this names it. */
const LINK_STATES: Record<IssuedLink['state'], { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'good' },
  revoked: { label: 'Revoked', tone: 'bad' },
  expired: { label: 'Expired', tone: 'neutral' },
  used_up: { label: 'Used up', tone: 'neutral' },
};

const OUTCOME_TONES: Record<string, BadgeTone> = { ok: 'good', resent: 'info' };

interface ContactLinksCardProps {
  siteId: string;
  contactId: string;
  name: string;
  onRevoked: () => void;
}

/** Links issued to the contact and their redemption attempts, with "revoke all links". */
export function ContactLinksCard({ siteId, contactId, name, onRevoked }: ContactLinksCardProps) {
  const data = useResource(() => listContactLinks(siteId, contactId), [siteId, contactId]);
  const [confirming, setConfirming] = useState(false);
  const { state } = data;

  return (
    <section className="card" aria-labelledby="links-heading">
      <div className="card-header">
        <h2 id="links-heading">Links and logins</h2>
        <button type="button" className="button button--small button--danger-outline" onClick={() => setConfirming(true)}>
          Revoke all links
        </button>
      </div>
      {state.status === 'error' && <ErrorState message={state.error} onRetry={data.reload} />}
      {!state.data && state.status === 'loading' && <Loading />}
      {state.data && (
        <>
          {state.data.links.length === 0 ? (
            <EmptyState title="No links sent yet">Links appear here once a message with a magic link is sent to {name}.</EmptyState>
          ) : (
            <table className="table table--stack table--compact">
              <caption className="visually-hidden">Links issued to {name}</caption>
              <thead>
                <tr>
                  <th scope="col">Destination</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Uses</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {state.data.links.map((link) => {
                  const { label, tone } = LINK_STATES[link.state];
                  return (
                    <tr key={link.jti}>
                      <td data-label="Destination">
                        <span>
                          /{link.destination} <span className="muted small">· {link.channel}</span>
                        </span>
                      </td>
                      <td data-label="Sent">
                        <span>{formatDateTime(link.issuedAt)}</span>
                      </td>
                      <td data-label="Expires">
                        <span>{formatDateTime(link.expiresAt)}</span>
                      </td>
                      <td data-label="Uses">
                        <span>
                          {link.uses}
                          {link.maxUses !== null && ` / ${link.maxUses}`}
                        </span>
                      </td>
                      <td data-label="State">
                        <Badge tone={tone}>{label}</Badge>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h3 className="h4">Login attempts</h3>
          {state.data.redemptions.length === 0 ? (
            <p className="muted">No login attempts yet.</p>
          ) : (
            <ul className="row-list" aria-label="Login attempts">
              {state.data.redemptions.map((redemption, index) => (
                <li key={`${redemption.jti}-${redemption.at}-${index}`} className="row-item">
                  <Badge tone={OUTCOME_TONES[redemption.outcome] ?? 'bad'}>{describeOutcome(redemption.outcome)}</Badge>
                  <span className="muted small">{formatDateTime(redemption.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <ConfirmDialog
        title={`Revoke all of ${name}'s links?`}
        open={confirming}
        onClose={() => setConfirming(false)}
        confirmLabel="Revoke all links"
        onConfirm={async () => {
          await revokeAllLinks(siteId, contactId);
          // Show the new state at once, not after the next visit.
          data.reload();
          onRevoked();
        }}
      >
        <p>
          Every link sent to {name} so far stops working, including ones in old emails, and {name} is logged out of the member
          site. Links you send from now on work as usual.
        </p>
      </ConfirmDialog>
    </section>
  );
}
