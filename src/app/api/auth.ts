import type { ApiResponse } from '../../contract/wire';
import type { signInOptionsResponse } from '../../contract/staff-schemas';
import { apiRequest } from './client';
import type { Site } from './types';

/** Session detection: the sites of the signed-in staff member, or null when signed out (401). */
export async function fetchSessionSites(): Promise<Site[] | null> {
  try {
    const { sites } = await apiRequest<{ sites: Site[] }>('GET', '/api/sites', { quietUnauthorized: true });
    return sites;
  } catch (error) {
    if ((error as { status?: number }).status === 401) return null;
    throw error;
  }
}

/** Emails a User Link; the answer is the same whether or not the address is known. */
export const requestLoginLink = (email: string) => apiRequest<{ sent: true }>('POST', '/api/auth/login-link', { body: { email } });

/** "Have a code?": signs in with the code from the sign-in email; the server sets the HttpOnly cookie. */
export const signInWithLoginCode = (email: string, code: string) =>
  apiRequest<{ signedIn: true }>('POST', '/api/auth/login-code', { body: { email, code } });

/** Ends the staff session (the server clears the HttpOnly cookie and answers with a redirect). */
export async function signOut(): Promise<void> {
  await fetch('/logout', { method: 'POST', credentials: 'same-origin', redirect: 'manual' });
}

export type SignInOptions = ApiResponse<typeof signInOptionsResponse>;

/** Where sign-in emails go; on the embedded Outbox the page points at the CLI instead. */
export const fetchSignInOptions = () => apiRequest<SignInOptions>('GET', '/api/auth/sign-in-options', { quietUnauthorized: true });
