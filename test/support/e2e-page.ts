/** Small waits for the e2e suite (playwright-core has no `expect`): each is bounded by the context's timeout. */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';

/** Waits until the locator holds text matching `text`. */
export async function waitForText(scope: Page | Locator | FrameLocator, text: string | RegExp): Promise<void> {
  await scope.getByText(text).first().waitFor({ state: 'visible' });
}

export async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The path and search of a page or frame, e.g. `/courses`. */
export const pathOf = (target: Page | Frame) => {
  const url = new URL(target.url());
  return url.pathname + url.search;
};

/**
 * Waits until focus is inside `target`. Tiptap hands focus back to the editor on the next animation
 * frame after a toolbar insert; a person sees the caret before typing on, and so does the test.
 */
export async function waitForFocusIn(target: Locator): Promise<void> {
  await target.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        const check = () => (element.contains(document.activeElement) ? resolve() : requestAnimationFrame(check));
        check();
      }),
  );
}

/** Lets the page run two animation frames: Tiptap's refocus after an insert lands before the test goes on. */
export async function afterNextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Signs `page` in as the demo site's owner with the User Link the server printed at start (it works once). */
export async function signInWithPrintedLink(page: Page, server: { adminLoginUrl: string; origin: string }): Promise<void> {
  await page.goto(server.adminLoginUrl);
  await page.getByRole('button', { name: /^Sign in to .+ admin$/ }).click();
  await page.waitForURL(`${server.origin}/site`);
}

/** The Outbox's delivered emails to `recipient` (a staff member signed in on `page`, the Outbox open). */
function outboxItemsTo(page: Page, recipient: string): Locator {
  return page.getByRole('list', { name: 'Delivered messages' }).getByRole('listitem').filter({ hasText: recipient });
}

/** Opens the Outbox and counts what it lists for `recipient`: the mark `newestOutboxEmailText` waits past. */
export async function outboxCountTo(page: Page, recipient: string): Promise<number> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
  await page.getByRole('button', { name: 'Refresh' }).waitFor();
  return outboxItemsTo(page, recipient).count();
}

/**
 * Refreshes the open Outbox until it lists more than `before` emails to `recipient` (emails are
 * sent just after the answer that asked for them), opens the newest and, once it shows `expected`,
 * returns its text.
 */
export async function newestOutboxEmailText(page: Page, recipient: string, before: number, expected: RegExp): Promise<string> {
  for (let attempt = 0; (await outboxItemsTo(page, recipient).count()) <= before; attempt++) {
    if (attempt === 50) throw new Error(`no new email to ${recipient} in the Outbox`);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('button', { name: 'Refresh' }).waitFor();
  }
  await outboxItemsTo(page, recipient).first().getByRole('button').click();
  const frame = page.frameLocator(`iframe[title="Email to ${recipient}"]`);
  await waitForText(frame, expected);
  return frame.locator('body').innerText();
}

type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type StaffApi = <T>(method: ApiMethod, path: string, data?: unknown) => Promise<T>;

/** memberlink's JSON API as the staff member signed in on `page` calls it (same origin, their session). */
export function staffApi(page: Page, origin: string): StaffApi {
  return async <T>(method: ApiMethod, path: string, data?: unknown): Promise<T> => {
    const response = await page.request.fetch(`${origin}${path}`, { method, data, headers: { origin }, timeout: 15_000 });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** A course and an offer that unlocks only it, on `site` (an API path like /api/sites/academy). */
export async function courseWithPlan(api: StaffApi, site: string, course: { title: string; description: string }, plan: string) {
  const courseId = (await api<{ id: string }>('POST', `${site}/content`, { kind: 'course', ...course })).id;
  const offerId = (await api<{ id: string }>('POST', `${site}/offers`, { title: plan, itemIds: [courseId] })).id;
  return { courseId, offerId };
}

/** A contact on `site` granted `offerId`; returns its id. */
export async function memberHolding(api: StaffApi, site: string, contact: Record<string, unknown>, offerId: string): Promise<string> {
  const { id } = await api<{ id: string }>('POST', `${site}/contacts`, contact);
  await api('POST', `${site}/contacts/${id}/access`, { offerId });
  return id;
}

/** Waits (about 20 s at most) until the message's send completed; returns how many were sent. */
export async function waitForMessageSent(api: StaffApi, messagePath: string): Promise<number> {
  for (let i = 0; ; i++) {
    const { status, counts } = await api<{ status: string; counts: { sent: number } }>('GET', messagePath);
    if (status === 'completed') return counts.sent;
    if (i > 100) throw new Error(`message still ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Picks `name` in the composer's "Preview for a contact" search. */
export async function previewForContact(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Preview for a contact' }).fill(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

/**
 * Selects the first occurrence of `text` inside the editor `editor` as a person dragging over it
 * would (a DOM selection the editor reads back), or puts the caret right after it with `caretAfter`.
 */
export async function selectTextIn(editor: Locator, text: string, { caretAfter = false } = {}): Promise<void> {
  await editor.evaluate(
    (element, { text, caretAfter }) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, caretAfter ? at + text.length : at);
        range.setEnd(node, at + text.length);
        (element as HTMLElement).focus();
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`no text "${text}" in the editor`);
    },
    { text, caretAfter },
  );
  await afterNextFrames(editor.page());
}
