import { countSmsSegments } from '../../template';
import type { Channel, ComposerValue, Preview } from '../types';

export interface MemberlinkPreviewOptions {
  siteId: string;
  channel: Channel;
  /** memberlink's origin when the host runs elsewhere, e.g. `https://memberlink.example.com`; default: same origin. */
  baseUrl?: string;
  /** Extra request headers, e.g. `{ Authorization: 'Bearer …' }` for an API key. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

interface PreviewResponse {
  channel: Channel;
  subject?: string;
  html?: string;
  text: string;
  error?: { message?: string };
}

/**
 * The default preview provider: memberlink's `POST /api/sites/:siteId/preview` renders the message
 * exactly as it will be sent, for one contact or (contactId null) with the catalog's sample values.
 */
export function memberlinkPreview({ siteId, channel, baseUrl = '', headers, fetch: fetchImpl = globalThis.fetch }: MemberlinkPreviewOptions) {
  const url = `${baseUrl.replace(/\/$/, '')}/api/sites/${encodeURIComponent(siteId)}/preview`;
  return async (value: ComposerValue, contactId: string | null): Promise<Preview> => {
    const response = await fetchImpl(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ document: value, channel, contactId }),
    });
    const body = (await response.json().catch(() => null)) as PreviewResponse | null;
    if (!response.ok || !body) throw new Error(body?.error?.message ?? `The preview could not be made (HTTP ${response.status}).`);
    if (body.channel === 'sms') return { channel: 'sms', text: body.text, segments: countSmsSegments(body.text) };
    return { channel: 'email', subject: body.subject ?? '', html: body.html ?? '', text: body.text };
  };
}
