// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { ComposerValue, ContactSummary, Preview } from '../../../src/composer';
import { bodyEditor, emptyEmail, renderComposer, screen, waitFor, writtenEmail, writtenSms } from './composer-harness';

const ADA: ContactSummary = { id: 'c-ada', name: 'Ada Lovelace', email: 'ada@example.com' };
const emailPreview: Preview = {
  channel: 'email',
  subject: 'Hi Ada',
  html: '<p>Hello <a href="https://academy.example.com/?token=preview">Ada</a></p><script>parent.hacked = true</script>',
  text: 'Hello Ada',
};

describe('the preview pane', () => {
  it('shows the host’s email preview in a sandboxed frame, with subject and text part', async () => {
    const onPreview = vi.fn<(value: ComposerValue, contactId: string | null) => Promise<Preview>>().mockResolvedValue(emailPreview);
    renderComposer({ channel: 'email', initialValue: writtenEmail(), onPreview });

    const frame = (await screen.findByTitle('Email preview')) as HTMLIFrameElement;
    // No allow-scripts and no allow-same-origin: the received HTML can neither run nor reach us.
    expect(frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    expect(frame.getAttribute('srcdoc')).toBe(emailPreview.html);
    expect(screen.getByText('Hi Ada')).toBeTruthy();
    expect(screen.getByText('Hello Ada')).toBeTruthy();
    expect(onPreview).toHaveBeenCalledWith(expect.objectContaining({ subject: 'Welcome' }), null);
  });

  it('previews for a contact picked from the search', async () => {
    const searchContacts = vi.fn(async (query: string) => (query.startsWith('ad') ? [ADA] : []));
    const onPreview = vi.fn<(value: ComposerValue, contactId: string | null) => Promise<Preview>>().mockResolvedValue(emailPreview);
    const { user } = renderComposer({ channel: 'email', initialValue: writtenEmail(), onPreview, searchContacts });

    await user.type(screen.getByRole('combobox', { name: 'Preview for a contact' }), 'ada');
    const option = await screen.findByRole('option', { name: /Ada Lovelace/ });
    expect(searchContacts).toHaveBeenLastCalledWith('ada');
    await user.keyboard('{Enter}');

    expect(option.isConnected).toBe(false);
    expect(screen.getByText('Ada Lovelace')).toBeTruthy();
    await waitFor(() => expect(onPreview).toHaveBeenLastCalledWith(expect.anything(), 'c-ada'));
  });

  it('refreshes after an edit and offers the mobile width', async () => {
    const onPreview = vi.fn<(value: ComposerValue, contactId: string | null) => Promise<Preview>>().mockResolvedValue(emailPreview);
    const { user } = renderComposer({ channel: 'email', initialValue: { ...emptyEmail(), subject: 'Welcome' }, onPreview });
    await screen.findByTitle('Email preview');

    await user.click(bodyEditor());
    await user.keyboard('Welcome');
    await waitFor(() =>
      expect(onPreview.mock.lastCall?.[0].body.content?.[0].content).toEqual([{ type: 'text', text: 'Welcome' }]),
    );

    await user.click(screen.getByRole('button', { name: 'Mobile' }));
    expect(screen.getByRole('button', { name: 'Mobile' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTitle('Email preview').parentElement?.className).toContain('ml-preview-frame--mobile');
  });

  it('shows an error with a way to try again', async () => {
    const onPreview = vi
      .fn<(value: ComposerValue, contactId: string | null) => Promise<Preview>>()
      .mockRejectedValueOnce(new Error('Preview service unavailable'))
      .mockResolvedValue(emailPreview);
    const { user } = renderComposer({ channel: 'email', initialValue: writtenEmail(), onPreview });

    expect((await screen.findByRole('alert')).textContent).toContain('Preview service unavailable');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTitle('Email preview')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says it is loading while the host works', async () => {
    let resolve: (preview: Preview) => void = () => undefined;
    const onPreview = vi.fn(() => new Promise<Preview>((done) => (resolve = done)));
    renderComposer({ channel: 'email', initialValue: writtenEmail(), onPreview });

    expect(await screen.findByText('Updating preview…')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Preview' }).getAttribute('aria-busy')).toBe('true');
    resolve(emailPreview);
    await waitFor(() => expect(screen.queryByText('Updating preview…')).toBeNull());
  });

  it('shows an SMS as a message bubble', async () => {
    const onPreview = vi.fn(async (): Promise<Preview> => ({ channel: 'sms', text: 'Hi Ada, log in: https://a.example/?token=x' }));
    renderComposer({ channel: 'sms', initialValue: writtenSms(), onPreview });
    const bubble = await screen.findByText('Hi Ada, log in: https://a.example/?token=x');
    expect(bubble.className).toBe('ml-sms-bubble');
    expect(screen.queryByRole('button', { name: 'Mobile' })).toBeNull();
  });

  it('waits behind a toggle in a compact composer', async () => {
    const onPreview = vi.fn(async (): Promise<Preview> => emailPreview);
    const { user } = renderComposer({ channel: 'email', initialValue: writtenEmail(), onPreview, compact: true });
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull();
    expect(onPreview).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    expect(await screen.findByTitle('Email preview')).toBeTruthy();
  });

  it('shows an empty state for a new message instead of asking for a preview, and asks for a subject before previewing an email', async () => {
    const onPreview = vi.fn<(value: ComposerValue, contactId: string | null) => Promise<Preview>>().mockResolvedValue(emailPreview);
    const { user } = renderComposer({ channel: 'email', onPreview });
    expect(screen.getByRole('note').textContent).toBe('Your preview appears here as you write.');

    await user.click(bodyEditor());
    await user.keyboard('Welcome');
    await waitFor(() => expect(screen.getByRole('note').textContent).toBe('Add a subject to see the preview.'));
    expect(screen.queryByRole('alert')).toBeNull();

    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Hi');
    await screen.findByTitle('Email preview');
    expect(screen.queryByRole('note')).toBeNull();
    expect(onPreview).toHaveBeenCalledTimes(1);
    expect(onPreview).toHaveBeenCalledWith(expect.objectContaining({ subject: 'Hi' }), null);
  });
});
