/** Staff sign-in as tests do it: a User Link opened as a person does, and a sign-in email's code. */
import { httpRequest } from './http-client.ts';
import type { TestApp } from './test-app.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { settleAfterReplyWork } from '../../server/http/after-reply.ts';

/**
 * Opens a User Link as a person does: follows it, and where the page asks to confirm, presses
 * the button (posts its form). Returns the staff session cookie, or throws saying what it saw.
 */
export async function signInWithUserLink(link: string): Promise<string> {
  const url = new URL(link);
  const port = Number(url.port);
  const path = url.pathname + url.search;
  let response = await httpRequest(port, { host: url.host, path });
  const form = /<form[^>]*method="post"[^>]*>/i.exec(response.body);
  if (response.status === 200 && form) {
    const action = /action="([^"]*)"/i.exec(form[0])?.[1]?.replace(/&amp;/g, '&') || path;
    const fields = [...response.body.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)].map((input) => {
      const name = /name="([^"]*)"/.exec(input[0])?.[1] ?? '';
      const value = (/value="([^"]*)"/.exec(input[0])?.[1] ?? '').replace(/&amp;/g, '&');
      return `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
    });
    response = await httpRequest(port, {
      method: 'POST',
      host: url.host,
      path: action,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin },
      body: fields.join('&'),
    });
  }
  const cookie = [response.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('ml_staff='));
  if (!cookie) throw new Error(`the User Link did not sign in: ${response.status} ${response.body.slice(0, 300)}`);
  return cookie.split(';')[0];
}

/** Where a login or sign-in email gives its code: "…enter this code on the … page instead: 123456." */
export const LOGIN_CODE_IN_EMAIL = /page instead: (\d{6})\./;

/** The 6-digit code in a login or sign-in email. */
export function loginCodeOf(text: string): string {
  const code = LOGIN_CODE_IN_EMAIL.exec(text)?.[1];
  if (!code) throw new Error(`no login code in the email: ${text.slice(0, 300)}`);
  return code;
}

/**
 * "Email me a sign-in link" for `email` (POST /api/auth/login-link), then the newest sign-in email
 * to that address on `siteId`: its code and its User Link's path.
 */
export async function askForStaffSignIn(t: TestApp, siteId: string, email: string): Promise<{ code: string; token: string; path: string }> {
  const asked = await t.app.inject({ method: 'POST', url: '/api/auth/login-link', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email }) });
  if (asked.statusCode !== 202) throw new Error(`login-link: ${asked.statusCode} ${asked.body}`);
  await settleAfterReplyWork(t.ctx);
  const mail = (await listOutbox(t.ctx.db, siteId)).find((m) => m.recipient === email);
  if (!mail?.text) throw new Error(`no sign-in email to ${email}`);
  const url = new URL(/http:\/\/localhost:3000\/login\?token=[\w.-]+/.exec(mail.text)![0]);
  return { code: loginCodeOf(mail.text), token: url.searchParams.get('token')!, path: url.pathname + url.search };
}
