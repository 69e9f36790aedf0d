import { useSite } from '../../session/SiteContext';
import { PageHeader } from '../../ui/PageHeader';
import { MagicLinksPanel } from './MagicLinksPanel';
import { SiteDetailsForm } from './SiteDetailsForm';

export function SiteDetailsPage() {
  const { site, replaceSite } = useSite();
  return (
    <>
      <PageHeader title="Site details" description="What members see on the login pages, and the links that log them in." />
      <div className="stack">
        <SiteDetailsForm key={site.id} site={site} onSaved={replaceSite} />
        <MagicLinksPanel site={site} />
      </div>
    </>
  );
}
