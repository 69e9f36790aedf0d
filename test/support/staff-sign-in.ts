/**
 * Opens a User Link as a person does: follows it, and where the page asks to confirm, presses
 * the button (posts its form). Returns the staff session cookie, or throws saying what it saw.
 */
import { httpRequest } from './http-client.ts';

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
