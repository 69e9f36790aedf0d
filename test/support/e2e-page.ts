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
