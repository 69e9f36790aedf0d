import { apiRequest } from './client';
import type { LinkDescription, LinkKind, Site, SiteMagicLinks, SiteUpdate } from './types';

const base = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

export const getSite = (siteId: string) => apiRequest<Site>('GET', base(siteId));
export const updateSite = (siteId: string, update: SiteUpdate) => apiRequest<Site>('PATCH', base(siteId), { body: update });
/** 409 `site_details_incomplete` with `missing` while Site Details are incomplete. */
export const getMagicLinks = (siteId: string) => apiRequest<SiteMagicLinks>('GET', `${base(siteId)}/magic-links`);
export const generateMagicLink = (siteId: string, kind: LinkKind, destination: string) =>
  apiRequest<LinkDescription>('POST', `${base(siteId)}/magic-links/generate`, { body: { kind, destination } });
