import type { ApiResponse } from '../../contract/wire';
import type { linkActivityResponse, messageAnalyticsResponse } from '../../contract/link-schemas';
import { apiRequest } from './client';

export type Activity = ApiResponse<typeof linkActivityResponse>;
export type ActivityDay = Activity['days'][number];
export type FailureReason = Activity['topFailures'][number];
export type MessageAnalytics = ApiResponse<typeof messageAnalyticsResponse>;

export const getActivity = (siteId: string, days: number) =>
  apiRequest<Activity>('GET', `/api/sites/${encodeURIComponent(siteId)}/activity`, { query: { days } });

export const getMessageAnalytics = (siteId: string, limit = 20) =>
  apiRequest<{ messages: MessageAnalytics[] }>('GET', `/api/sites/${encodeURIComponent(siteId)}/activity/messages`, { query: { limit } });
