// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, useDraftAutosave, type DraftAutosave } from '../../../src/app/pages/templates/use-draft-autosave';

const doc = (text: string) => ({ subject: '', previewText: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } });

let writes: Array<{ method: string; url: string; body: { name: string; content: unknown } }>;
let handle: DraftAutosave;

function Editor({ draftKey = 'new-email', name, content, edited }: { draftKey?: string; name: string; content: unknown; edited: boolean }) {
  handle = useDraftAutosave('academy', draftKey, { name, channel: 'email', content }, edited);
  return null;
}

beforeEach(() => {
  vi.useFakeTimers();
  writes = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      writes.push({ method: String(init.method), url, body });
      return new Response(JSON.stringify({ draftKey: 'new-email', ...body, channel: 'email', updatedAt: '2026-12-02T14:02:00.000Z' }), { status: 200 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('draft autosave', () => {
  it('writes once, a moment after the last of several quick edits, and reports when the server kept it', async () => {
    const { rerender } = render(<Editor name="Welcome" content={doc('H')} edited />);
    rerender(<Editor name="Welcome" content={doc('He')} edited />);
    rerender(<Editor name="Welcome" content={doc('Hey')} edited />);
    expect(writes).toEqual([]);

    await act(async () => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: 'PUT', url: '/api/sites/academy/template-drafts/new-email', body: { name: 'Welcome', content: doc('Hey') } });
    expect(handle.savedAt).toBe('2026-12-02T14:02:00.000Z');
  });

  it('writes nothing before the first edit or for a draft just restored, and nothing pending once settled (a save follows)', async () => {
    const restored = doc('From the server');
    const { rerender } = render(<Editor name="Welcome" content={restored} edited />);
    await act(async () => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3));
    expect(writes).toEqual([]);

    rerender(<Editor name="Welcome" content={doc('Changed')} edited />);
    await act(async () => handle.settle());
    await act(async () => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3));
    expect(writes).toEqual([]);

    rerender(<Editor name="Welcome" content={doc('Saved')} edited={false} />);
    await act(async () => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3));
    expect(writes).toEqual([]);
  });

  it('sends the last edit at once when the editor goes away before the delay', async () => {
    const { rerender, unmount } = render(<Editor draftKey="3f0c2a57-8f7c-4a53-9d07-0d8c7f1f0a11" name="News" content={doc('a')} edited={false} />);
    rerender(<Editor draftKey="3f0c2a57-8f7c-4a53-9d07-0d8c7f1f0a11" name="News" content={doc('last words')} edited />);
    unmount();
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(writes).toHaveLength(1);
    expect(writes[0].url).toBe('/api/sites/academy/template-drafts/3f0c2a57-8f7c-4a53-9d07-0d8c7f1f0a11');
    expect(writes[0].body.content).toEqual(doc('last words'));
  });
});
