// @vitest-environment jsdom
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyEditor, renderComposer, screen, writtenEmail, writtenSms } from './composer-harness';

/** A real HTTP endpoint shaped like memberlink's preview route, recording what it was sent. */
interface Received {
  url: string;
  authorization: string | undefined;
  body: { document: unknown; channel: string; contactId: string | null };
}
const received: Received[] = [];
let server: Server;
let baseUrl: string;

const readJson = async (request: IncomingMessage) => {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text) as Received['body'];
};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readJson(request);
    received.push({ url: request.url ?? '', authorization: request.headers.authorization, body });
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('content-type', 'application/json');
    if (request.url?.includes('/broken/')) {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: { code: 'not_found', message: 'This site does not exist.' } }));
      return;
    }
    response.end(JSON.stringify({ channel: body.channel, subject: 'Served subject', html: '<p>Served body</p>', text: 'Served text' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the composer as a host embeds it', () => {
  it('shows the host’s words where the host translated them, English elsewhere', () => {
    renderComposer({ channel: 'email', labels: { subject: 'Betreff', emailBody: 'Nachricht', insertField: 'Feld einfügen' } });
    expect(screen.getByRole('textbox', { name: 'Betreff' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Nachricht' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Feld einfügen' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Preview text' })).toBeTruthy();
  });

  it('without onPreview, siteId previews through memberlink’s /api/sites/:siteId/preview', async () => {
    renderComposer({ channel: 'email', initialValue: writtenEmail(), siteId: 'academy', apiBaseUrl: baseUrl });
    expect(await screen.findByText('Served subject', {}, { timeout: 3000 })).toBeTruthy();
    const request = received.find((r) => r.url === '/api/sites/academy/preview');
    expect(request?.body).toEqual({ document: { subject: 'Welcome', previewText: '', body: expect.any(Object) }, channel: 'email', contactId: null });
  });

  it('says what memberlink answered when the preview is refused', async () => {
    renderComposer({ channel: 'sms', initialValue: writtenSms(), siteId: 'broken', apiBaseUrl: baseUrl });
    expect((await screen.findByRole('alert', {}, { timeout: 3000 })).textContent).toContain('This site does not exist.');
  });

  it('shows no preview pane when the host gives neither onPreview nor siteId', () => {
    renderComposer({ channel: 'sms' });
    expect(bodyEditor('SMS message')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull();
  });
});
