import { DEFAULT_CATALOG, compileEmailToText, compileSubject, fillTemplate, magicLinkTarget } from 'memberlink/template';

const samples = new Map(DEFAULT_CATALOG.map((value) => [value.key, value.sample]));
// A magic link previews as the address it leads to, with a placeholder where the per-recipient token goes.
const sampleOf = (slot) => {
  const target = magicLinkTarget(slot.key);
  return target ? `https://academy.example.com/${target.destination}?token=preview` : samples.get(slot.key);
};
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * This host has no memberlink server, so its preview provider renders the text part with the
 * catalog's sample values in the browser. A host that runs memberlink passes `siteId` instead and
 * gets the server's exact email.
 */
export async function samplePreview(value) {
  const subject = fillTemplate(compileSubject(value), sampleOf);
  const text = fillTemplate(compileEmailToText(value), sampleOf);
  const html = `<pre style="font: 15px/1.5 system-ui, sans-serif; white-space: pre-wrap; margin: 16px">${escapeHtml(text)}</pre>`;
  return { channel: 'email', subject, html, text };
}
