// @vitest-environment jsdom
/**
 * The send planning pieces against a stubbed admin API: the confirmation's estimate, the progress
 * card's skipped and failed lists, the template history, which sends a reload brings back, and the
 * thread composer's "Start from template".
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StartFromTemplate } from '../../../src/app/pages/conversations/StartFromTemplate';
import { RecipientOutcomes } from '../../../src/app/pages/templates/RecipientOutcomes';
import { SendEstimateSummary } from '../../../src/app/pages/templates/SendEstimateSummary';
import { SendHistory } from '../../../src/app/pages/templates/SendHistory';
import { RECENT_SEND_MS, mergeSends, sendsToFollow } from '../../../src/app/pages/templates/sends-to-follow';

type Handler = (url: URL, init: RequestInit) => unknown;
let routes: Array<[RegExp, Handler]>;
let requests: URL[];

beforeEach(() => {
  routes = [];
  requests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://localhost');
      requests.push(url);
      const route = routes.find(([pattern]) => pattern.test(url.pathname));
      if (!route) return new Response(JSON.stringify({ error: { code: 'not_found', message: 'no stub' } }), { status: 404 });
      return new Response(JSON.stringify(route[1](url, init)), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const counts = (c: Partial<Record<'total' | 'queued' | 'sending' | 'sent' | 'failed' | 'skipped', number>>) => ({
  total: 0,
  queued: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  skipped: 0,
  ...c,
});
const send = (id: string, status: 'queued' | 'sending' | 'completed', createdAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  channel: 'email' as const,
  templateId: 't1',
  templateVersion: 1,
  status,
  counts: counts({ total: 3, sent: 1, skipped: 2 }),
  linkPolicy: null,
  createdAt,
  sentBy: { kind: 'staff', id: 's1', name: 'Sam Staff' },
  audience: { kind: 'all' },
  ...extra,
});

describe('the send confirmation estimate', () => {
  it('shows the recipients, how many will be skipped and why, asking with the send\'s own body', async () => {
    let asked: unknown;
    routes.push([
      /\/messages\/estimate$/,
      (_url, init) => {
        asked = JSON.parse(String(init.body));
        return { recipients: 1200, willSend: 1150, skipped: 50, skippedBy: [{ reason: 'unsubscribed', count: 40 }, { reason: 'no email address', count: 10 }] };
      },
    ]);
    const input = { templateId: 't1', channel: 'email' as const, recipients: { all: true as const } };
    render(<SendEstimateSummary siteId="academy" input={input} />);
    expect(screen.getByText('Counting recipients…')).toBeTruthy();
    await screen.findByText('1,200 recipients');
    expect(screen.getByRole('status', { name: 'Recipients' }).textContent).toContain('1,150 will receive it, 50 will be skipped.');
    const reasons = screen.getByRole('list', { name: 'Skipped, by reason' });
    expect([...reasons.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['40 unsubscribed', '10 no email address']);
    expect(asked).toEqual(input);
  });

  it('warns when no one would receive it', async () => {
    routes.push([/\/messages\/estimate$/, () => ({ recipients: 2, willSend: 0, skipped: 2, skippedBy: [{ reason: 'unsubscribed', count: 2 }] })]);
    render(<SendEstimateSummary siteId="academy" input={{ templateId: 't1', channel: 'email', recipients: { contactIds: ['c1', 'c2'] } }} />);
    await screen.findByText('No one would receive this send.');
  });
});

describe('the progress card outcomes', () => {
  it('lists failed and skipped recipients with their reasons, paging through the skipped', async () => {
    routes.push([
      /\/messages\/m1$/,
      (url) => {
        const status = url.searchParams.get('status');
        const offset = Number(url.searchParams.get('offset'));
        const rows =
          status === 'failed'
            ? [{ contactId: 'f1', contact: { firstName: 'Fay', lastName: 'Lee', email: 'fay@example.com', phone: null }, status: 'failed', reason: 'mailbox full', attempts: 1, sentAt: null }]
            : Array.from({ length: offset === 0 ? 20 : 5 }, (_, i) => ({
                contactId: `s${offset + i}`,
                contact: i === 0 && offset === 20 ? null : { firstName: `Skip${offset + i}`, lastName: '', email: null, phone: null },
                status: 'skipped',
                reason: 'unsubscribed',
                attempts: 0,
                sentAt: null,
              }));
        return {
          ...send('m1', 'completed', '2026-12-03T08:00:00.000Z'),
          recipients: rows,
          page: { limit: 20, offset, total: status === 'failed' ? 1 : 25 },
          outcomes: [
            { status: 'skipped', reason: 'unsubscribed', count: 25 },
            { status: 'failed', reason: 'mailbox full', count: 1 },
          ],
        };
      },
    ]);
    render(<RecipientOutcomes siteId="academy" messageId="m1" counts={counts({ total: 30, sent: 4, failed: 1, skipped: 25 })} />);
    const failed = await screen.findByRole('list', { name: 'Failed recipients' });
    expect(failed.textContent).toContain('Fay Lee');
    expect(failed.textContent).toContain('mailbox full');
    expect(screen.getByText('Skipped (25)').textContent).toContain('25 unsubscribed');
    const skipped = await screen.findByRole('list', { name: 'Skipped recipients' });
    expect(skipped.querySelectorAll('li')).toHaveLength(20);
    expect(screen.getByText('1–20 of 25')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('21–25 of 25');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Skipped recipients' }).querySelectorAll('li')).toHaveLength(5));
    expect(screen.getByRole('list', { name: 'Skipped recipients' }).textContent).toContain('Deleted contact');
  });

  it('shows nothing when no one was skipped or failed', () => {
    const { container } = render(<RecipientOutcomes siteId="academy" messageId="m1" counts={counts({ total: 3, sent: 3 })} />);
    expect(container.textContent).toBe('');
    expect(requests).toEqual([]);
  });
});

describe('the template history', () => {
  it('lists each send with when, by whom, to whom and its counts', async () => {
    routes.push([
      /\/templates\/t1\/sends$/,
      () => ({
        sends: [
          send('m2', 'sending', '2026-12-03T08:00:00.000Z', { audience: { kind: 'offer', offerId: 'o1', title: 'Engines 101' }, counts: counts({ total: 5, sent: 2, queued: 3 }) }),
          send('m1', 'completed', '2026-12-02T08:00:00.000Z', { sentBy: { kind: 'api-key', id: 'k1', name: 'CRM' }, audience: { kind: 'contacts', count: 1 } }),
        ],
        page: { limit: 10, offset: 0, total: 2 },
      }),
    ]);
    render(<SendHistory siteId="academy" templateId="t1" refreshKey={0} />);
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('td')].slice(1, 6).map((td) => td.textContent))).toEqual([
      ['Sam Staff', 'Holders of “Engines 101”', '2', '0', '0'],
      ['API key “CRM”', '1 chosen contact', '1', '2', '0'],
    ]);
    expect(rows[0].textContent).toContain('sending');
  });

  it('says when the template was never sent', async () => {
    routes.push([/\/templates\/t1\/sends$/, () => ({ sends: [], page: { limit: 10, offset: 0, total: 0 } })]);
    render(<SendHistory siteId="academy" templateId="t1" refreshKey={0} />);
    await screen.findByText('Not sent yet. Sends of this template are listed here.');
  });
});

describe('sends a reload brings back', () => {
  const now = new Date('2026-12-03T08:00:00.000Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('follows running sends and the newest if recent; not an older finished one', () => {
    const running = send('r', 'sending', ago(RECENT_SEND_MS * 4));
    const recent = send('n', 'completed', ago(60_000));
    const old = send('o', 'completed', ago(RECENT_SEND_MS + 1));
    expect(sendsToFollow([recent, running, old], now).map((s) => s.id)).toEqual(['n', 'r']);
    expect(sendsToFollow([old], now)).toEqual([]);
    expect(mergeSends([recent], [recent, running]).map((s) => s.id)).toEqual(['n', 'r']);
  });
});

describe('start from template in a thread', () => {
  const template = (id: string, name: string, channel: 'email' | 'sms') => ({
    id,
    name,
    channel,
    content: channel === 'sms' ? { body: { type: 'doc', content: [] } } : { subject: `${name} {{contact.first_name}}`, previewText: '', body: { type: 'doc', content: [] } },
    version: 1,
    linkKeys: [],
    warnings: [],
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  });

  it("offers the thread channel's templates and fills the composer with the one picked, asking before replacing a draft", async () => {
    routes.push([/\/templates$/, () => ({ templates: [template('e1', 'Welcome', 'email'), template('s1', 'Reminder', 'sms'), template('e2', 'Renewal', 'email')] })]);
    const onPick = vi.fn();
    const { rerender } = render(<StartFromTemplate siteId="academy" channel="email" hasDraft={false} onPick={onPick} />);
    const select = (await screen.findByLabelText('Start from template')) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose a saved email…', 'Welcome', 'Renewal']);
    fireEvent.change(select, { target: { value: 'e2' } });
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ id: 'e2', content: expect.objectContaining({ subject: 'Renewal {{contact.first_name}}' }) }));

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
    rerender(<StartFromTemplate siteId="academy" channel="email" hasDraft onPick={onPick} />);
    fireEvent.change(screen.getByLabelText('Start from template'), { target: { value: 'e1' } });
    expect(confirm).toHaveBeenCalledWith('Replace what you wrote with “Welcome”?');
    expect(onPick).toHaveBeenCalledTimes(1);
    confirm.mockRestore();

    rerender(<StartFromTemplate siteId="academy" channel="sms" hasDraft={false} onPick={onPick} />);
    expect([...(screen.getByLabelText('Start from template') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Choose a saved SMS…', 'Reminder']);
  });

  it('says where templates come from when the channel has none', async () => {
    routes.push([/\/templates$/, () => ({ templates: [template('e1', 'Welcome', 'email')] })]);
    render(<StartFromTemplate siteId="academy" channel="sms" hasDraft={false} onPick={() => undefined} />);
    await screen.findByText('No saved SMS templates yet: save one under Templates to start from it here.');
  });
});
