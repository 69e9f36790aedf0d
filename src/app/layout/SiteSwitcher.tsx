import { useSite } from '../session/SiteContext';

/** The current site's name; a chooser when the staff member works on several sites. */
export function SiteSwitcher() {
  const { site, sites, chooseSite } = useSite();
  if (sites.length < 2) return <span className="topbar-site">{site.title}</span>;
  return (
    <label className="topbar-site">
      <span className="visually-hidden">Site</span>
      <select className="input input--compact" value={site.id} onChange={(event) => chooseSite(event.target.value)}>
        {sites.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.title}
          </option>
        ))}
      </select>
    </label>
  );
}
