import { DEFAULT_CATALOG, compileEmailToText, compileSubject, fillTemplate } from 'memberlink/template';

const samples = new Map(DEFAULT_CATALOG.map((value) => [value.key, value.sample]));
const sampleOf = (slot) => samples.get(slot.key);
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
