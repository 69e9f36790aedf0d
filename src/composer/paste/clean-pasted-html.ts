import { isAllowedLinkHref } from '../magic-link/link-href';

/** What a paste lost, by kind, for the notice that says so. */
export interface PasteDrops {
  images: number;
  links: number;
  tables: number;
  embeds: number;
}

/** Never content: dropped without a word (nobody saw them in the page they copied from). */
const INVISIBLE = 'script, style, template, meta, link, title, noscript, head';
/** Content the message format cannot hold and that has no text to keep. */
const EMBEDS = 'iframe, frame, object, embed, video, audio, canvas, svg, form, input, select, textarea, button';

const isHttps = (src: string | null) => !!src && /^https:\/\//i.test(src.trim());

/**
 * Pasted HTML reduced to what the message format accepts, before the editor parses it: images
 * only with an https address (and only where the channel has images), links only with an address
 * the composer allows (their text stays), tables as one paragraph per row (their text stays),
 * embedded media and forms removed, scripts and styles removed. Returns what was dropped.
 */
export function cleanPastedHtml(html: string, options: { images: boolean }): { html: string; drops: PasteDrops } {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const drops: PasteDrops = { images: 0, links: 0, tables: 0, embeds: 0 };
  const root = page.body;

  page.querySelectorAll(INVISIBLE).forEach((element) => element.remove());
  root.querySelectorAll(EMBEDS).forEach((element) => {
    // Nested embeds (an svg in a button) are gone with their parent: count what the author saw.
    if (element.isConnected && !element.parentElement?.closest(EMBEDS)) drops.embeds++;
    element.remove();
  });
  root.querySelectorAll('img').forEach((image) => {
    if (options.images && isHttps(image.getAttribute('src'))) return;
    drops.images++;
    image.remove();
  });
  root.querySelectorAll('a').forEach((anchor) => {
    const href = anchor.getAttribute('href');
    if (href === null || isAllowedLinkHref(href)) return;
    drops.links++;
    anchor.replaceWith(...anchor.childNodes);
  });
  // Innermost first, so a table inside a cell is text before its parent is.
  [...root.querySelectorAll('table')].reverse().forEach((table) => {
    drops.tables++;
    const rows = [...table.querySelectorAll('tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '').filter(Boolean).join(' · '),
    );
    const paragraphs = rows.filter(Boolean).map((text) => Object.assign(page.createElement('p'), { textContent: text }));
    table.replaceWith(...paragraphs);
  });
  return { html: root.innerHTML, drops };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Removed 1 image that had no https address." — or null when the paste kept everything. */
export function describePasteDrops(drops: PasteDrops, options: { images: boolean }): string | null {
  const parts = [
    drops.images && (options.images
      ? `Removed ${plural(drops.images, 'image that had', 'images that had')} no https address`
      : `Removed ${plural(drops.images, 'image', 'images')}: an SMS has no images`),
    drops.links && `Removed ${plural(drops.links, 'link', 'links')} with an address that can’t be used (the text is kept)`,
    drops.tables && `Turned ${plural(drops.tables, 'table', 'tables')} into text`,
    drops.embeds && `Removed ${plural(drops.embeds, 'embedded video, frame or form', 'embedded videos, frames or forms')}`,
  ].filter(Boolean);
  return parts.length ? `${parts.join('. ')}.` : null;
}
