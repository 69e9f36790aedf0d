import { useState } from 'react';
import { listContent, listOffers } from '../../api/offers';
import type { ContentItem, Offer } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { useSite } from '../../session/SiteContext';
import { usePermissions } from '../../session/Permissions';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { OfferCard } from './OfferCard';
import { OfferDialog } from './OfferDialog';

/** Offers and what each unlocks: courses, communities, the affiliate portal. */
export function OffersPage() {
  const { site } = useSite();
  const data = useResource(async () => {
    const [offers, content] = await Promise.all([listOffers(site.id), listContent(site.id)]);
    return { offers, content };
  }, [site.id]);
  const [editing, setEditing] = useState<Offer | 'new' | null>(null);
  const mayEdit = usePermissions().can('offers.write');

  const saved = (offer: Offer, content: ContentItem[]) => {
    const offers = data.state.data?.offers ?? [];
    const exists = offers.some((o) => o.id === offer.id);
    data.set({ offers: exists ? offers.map((o) => (o.id === offer.id ? offer : o)) : [...offers, offer], content });
    setEditing(null);
  };

  const { state } = data;
  return (
    <>
      <PageHeader
        title="Offers"
        description="What a contact can buy or be given. Holding an offer is what lets a magic link log them in."
        actions={
          mayEdit && (
            <button type="button" className="button button--primary" onClick={() => setEditing('new')} disabled={!state.data}>
              New offer
            </button>
          )
        }
      />
      {state.status === 'error' && <ErrorState message={state.error} onRetry={data.reload} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data &&
        (state.data.offers.length === 0 ? (
          <EmptyState
            title="No offers yet"
            action={
              mayEdit && (
                <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
                  Create your first offer
                </button>
              )
            }
          >
            Create an offer with the courses and communities it unlocks, then grant it to contacts.
          </EmptyState>
        ) : (
          <ul className="card-list" aria-label="Offers">
            {state.data.offers.map((offer) => (
              <li key={offer.id}>
                <OfferCard offer={offer} onEdit={mayEdit ? () => setEditing(offer) : undefined} />
              </li>
            ))}
          </ul>
        ))}
      {state.data && editing && (
        <OfferDialog
          siteId={site.id}
          offer={editing === 'new' ? null : editing}
          content={state.data.content}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </>
  );
}
