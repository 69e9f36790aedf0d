import type { Offer } from '../../api/types';
import { Badge } from '../../ui/Badge';

/** An offer and what it unlocks; Edit only for roles that may change offers (no onEdit otherwise). */
export function OfferCard({ offer, onEdit }: { offer: Offer; onEdit?: () => void }) {
  const empty = offer.courses.length === 0 && offer.communities.length === 0 && !offer.includesAffiliates;
  return (
    <article className="card offer-card" aria-labelledby={`offer-${offer.id}`}>
      <div className="card-header">
        <h2 id={`offer-${offer.id}`} className="h3">
          {offer.title}
        </h2>
        {onEdit && (
          <button type="button" className="button button--small" onClick={onEdit} aria-label={`Edit ${offer.title}`}>
            Edit
          </button>
        )}
      </div>
      {offer.description && <p className="muted">{offer.description}</p>}
      <ul className="chips" aria-label="Unlocks">
        {offer.courses.map((course) => (
          <li key={course.id}>
            <Badge tone="info">Course · {course.title}</Badge>
          </li>
        ))}
        {offer.communities.map((community) => (
          <li key={community.id}>
            <Badge tone="good">Community · {community.title}</Badge>
          </li>
        ))}
        {offer.includesAffiliates && (
          <li>
            <Badge tone="warn">Affiliate portal</Badge>
          </li>
        )}
        {empty && (
          <li>
            <Badge>Unlocks nothing yet</Badge>
          </li>
        )}
      </ul>
    </article>
  );
}
