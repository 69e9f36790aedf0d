import { apiRequest } from './client';
import type { ApiKeySummary, CreatedApiKey, Me, StaffMember } from './types';
import type { Role } from '../../contract/permissions.ts';

const base = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

/** Who is signed in, with their role: the app hides what the role can't use. */
export const getMe = () => apiRequest<Me>('GET', '/api/me');

export const listStaff = async (siteId: string) => (await apiRequest<{ staff: StaffMember[] }>('GET', `${base(siteId)}/staff`)).staff;
export const inviteStaff = (siteId: string, input: { email: string; name: string; role: Role }) =>
  apiRequest<StaffMember>('POST', `${base(siteId)}/staff`, { body: input });
export const changeStaffRole = (siteId: string, staffId: string, role: Role) =>
  apiRequest<StaffMember>('PATCH', `${base(siteId)}/staff/${staffId}`, { body: { role } });
export const removeStaff = (siteId: string, staffId: string) => apiRequest<void>('DELETE', `${base(siteId)}/staff/${staffId}`);

export const listApiKeys = async (siteId: string) => (await apiRequest<{ apiKeys: ApiKeySummary[] }>('GET', `${base(siteId)}/api-keys`)).apiKeys;
export const createApiKey = (siteId: string, input: { name: string; role: Role }) =>
  apiRequest<CreatedApiKey>('POST', `${base(siteId)}/api-keys`, { body: input });
export const deleteApiKey = (siteId: string, keyId: string) => apiRequest<void>('DELETE', `${base(siteId)}/api-keys/${keyId}`);
