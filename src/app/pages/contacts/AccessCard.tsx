import { useState, type FormEvent } from 'react';
import { grantOffer, revokeOffer } from '../../api/contacts';
import { messageOf } from '../../api/client';
import { listOffers } from '../../api/offers';
import type { AccessGrant, ContactWithAccess } from '../../api/types';
import { usePermissions } from '../../session/Permissions';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/Link';
import { Badge } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/FormError';
import { SelectField } from '../../ui/SelectField';
import { formatDateTime } from '../../ui/format';

interface AccessCardProps {
  siteId: string;
  contact: ContactWithAccess;
  onChanged: () => void;
}

/** The contact's offers: active ones can be revoked (after a confirm), others granted. */
export function AccessCard({ siteId, contact, onChanged }: AccessCardProps) {
  const offers = useResource(() => listOffers(siteId), [siteId]);
  const [offerId, setOfferId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<AccessGrant | null>(null);
  // Granting and revoking offers is an admin's (access.write); agents see the offers only.
  const mayChange = usePermissions().can('access.write');

  const active = contact.access.filter((grant) => !grant.revokedAt);
  const past = contact.access.filter((grant) => grant.revokedAt);
  const grantable = (offers.state.data ?? []).filter((offer) => !active.some((grant) => grant.offerId === offer.id));
  const chosen = grantable.some((offer) => offer.id === offerId) ? offerId : (grantable[0]?.id ?? '');

  const grant = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await grantOffer(siteId, contact.id, chosen);
      onChanged();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="access-heading">
      <h2 id="access-heading">Offers</h2>
      {active.length === 0 ? (
        <p className="notice notice--warn">No active offer: magic links can't log {contact.firstName || 'this contact'} in.</p>
      ) : (
        <ul className="row-list" aria-label="Active offers">
          {active.map((grant) => (
            <li key={grant.id} className="row-item">
              <div>
                <strong>{grant.offerTitle}</strong>
                <span className="muted small"> since {formatDateTime(grant.grantedAt)}</span>
              </div>
              {mayChange && (
                <button type="button" className="button button--small button--danger-outline" onClick={() => setRevoking(grant)}>
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details className="details">
          <summary>Revoked offers ({past.length})</summary>
          <ul className="row-list">
            {past.map((grant) => (
              <li key={grant.id} className="row-item">
                <span>{grant.offerTitle}</span>
                <Badge>revoked {formatDateTime(grant.revokedAt)}</Badge>
              </li>
            ))}
          </ul>
        </details>
      )}
      {!mayChange ? null : offers.state.status === 'error' ? (
        <FormError message={offers.state.error} />
      ) : grantable.length > 0 ? (
        <form className="inline-create-row" onSubmit={grant}>
          <SelectField label="Grant an offer" value={chosen} onChange={setOfferId}>
            {grantable.map((offer) => (
              <option key={offer.id} value={offer.id}>
                {offer.title}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Granting…' : 'Grant'}
          </button>
        </form>
      ) : (
        offers.state.data && (
          <p className="field-hint">
            {offers.state.data.length === 0 ? (
              <>
                No offers yet: <Link to="/offers">create one</Link>.
              </>
            ) : (
              'They hold every offer.'
            )}
          </p>
        )
      )}
      <FormError message={error} />
      <ConfirmDialog
        title={`Revoke ${revoking?.offerTitle ?? 'offer'}?`}
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        confirmLabel="Revoke offer"
        onConfirm={async () => {
          await revokeOffer(siteId, contact.id, revoking!.offerId);
          onChanged();
        }}
      >
        <p>They lose what it unlocks right away. Without another offer, their magic links stop logging them in. You can grant it again later.</p>
      </ConfirmDialog>
    </section>
  );
}
