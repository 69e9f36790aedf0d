import { useState } from 'react';
import { getMagicLinks } from '../../api/sites';
import type { Site } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { ErrorState, Loading } from '../../ui/States';
import { GenerateMagicLinkDialog } from './GenerateMagicLinkDialog';
import { LinkCard } from './LinkCard';
import { siteFieldLabel } from './site-fields';

/** The site's Learner Link and User Link once Site Details are complete; until then, what is missing. */
export function MagicLinksPanel({ site }: { site: Site }) {
  const [generating, setGenerating] = useState(false);
  const complete = site.detailsComplete;
  const links = useResource(() => (complete ? getMagicLinks(site.id) : Promise.resolve(null)), [site.id, site.updatedAt, complete]);

  return (
    <section className="card" aria-labelledby="magic-links-heading">
      <div className="card-header">
        <h2 id="magic-links-heading">Magic links</h2>
        {complete && (
          <button type="button" className="button" onClick={() => setGenerating(true)}>
            Generate Magic Link
          </button>
        )}
      </div>
      {!complete ? (
        <div className="notice notice--warn" role="status">
          <p>
            <strong>Complete Site Details to get your links.</strong> Missing:
          </p>
          <ul className="missing-list">
            {site.missingDetails.map((field) => (
              <li key={field}>{siteFieldLabel(field)}</li>
            ))}
          </ul>
        </div>
      ) : links.state.status === 'error' ? (
        <ErrorState message={links.state.error} onRetry={links.reload} />
      ) : !links.state.data ? (
        <Loading />
      ) : (
        <div className="link-cards">
          <LinkCard
            title="Learner Link"
            description="Logs a member into the member site. Paste it into an email or SMS; each recipient gets their own link."
            link={links.state.data.learnerLink}
          />
          <LinkCard
            title="User Link"
            description="Logs a team member into this admin app. Short-lived; use it in staff notifications."
            link={links.state.data.userLink}
          />
        </div>
      )}
      <GenerateMagicLinkDialog site={site} open={generating} onClose={() => setGenerating(false)} />
    </section>
  );
}
