import { apiRequest } from './client';

export interface ActivityDay {
  /** YYYY-MM-DD, UTC. */
  day: string;
  sent: number;
  redeemed: number;
  expired: number;
  failed: number;
}

export interface FailureReason {
  outcome: string;
  count: number;
  label: string;
  fix: string;
}

export interface Activity {
  days: ActivityDay[];
  topFailures: FailureReason[];
}

export const getActivity = (siteId: string, days: number) =>
  apiRequest<Activity>('GET', `/api/sites/${encodeURIComponent(siteId)}/activity`, { query: { days } });
