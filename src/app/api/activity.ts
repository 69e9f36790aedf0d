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

export interface MessageAnalytics {
  id: string;
  sentAt: string;
  channel: 'email' | 'sms';
  title: string;
  recipients: number;
  delivered: number;
  skipped: number;
  failed: number;
  membersLoggedIn: number;
  logins: number;
  /** Logins per link of the message, by where the link leads ('' = member home). */
  byLink: Array<{ destination: string; logins: number; members: number }>;
  firstLoginSeconds: { median: number; p90: number } | null;
  failures: Array<{ outcome: string; count: number; label: string }>;
}

export const getMessageAnalytics = (siteId: string, limit = 20) =>
  apiRequest<{ messages: MessageAnalytics[] }>('GET', `/api/sites/${encodeURIComponent(siteId)}/activity/messages`, { query: { limit } });
