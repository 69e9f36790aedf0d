import { apiRequest } from './client';
import type { ContentItem, ContentKind, Offer, OfferInput } from './types';

const base = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

export const listContent = async (siteId: string) => (await apiRequest<{ items: ContentItem[] }>('GET', `${base(siteId)}/content`)).items;
export const createContent = (siteId: string, kind: ContentKind, title: string) =>
  apiRequest<ContentItem>('POST', `${base(siteId)}/content`, { body: { kind, title } });
export const listOffers = async (siteId: string) => (await apiRequest<{ offers: Offer[] }>('GET', `${base(siteId)}/offers`)).offers;
export const createOffer = (siteId: string, input: OfferInput) => apiRequest<Offer>('POST', `${base(siteId)}/offers`, { body: input });
export const updateOffer = (siteId: string, offerId: string, input: OfferInput) =>
  apiRequest<Offer>('PATCH', `${base(siteId)}/offers/${offerId}`, { body: input });
