/**
 * Every page of the member site, server-rendered in the site's branded frame. Failure pages say
 * what happened and what to do, with the site's support contacts; none reveals whether an email
 * address belongs to a member.
 */
import { LEARNER_SECTIONS } from '../../src/template/destinations.ts';
import type { Site } from '../sites/site-repository.ts';
import { html, type SafeHtml } from './html.ts';
import { memberLayout, supportContact } from './member-layout.ts';
import type { MemberAccess } from '../offers/member-access.ts';

const SECTION_LABELS: Record<string, string> = Object.fromEntries(LEARNER_SECTIONS.map((d) => [d.path, d.pageTitle]));

function card(site: Site, title: string, body: SafeHtml, nav?: { current: string; access: MemberAccess }): string {
  return memberLayout(site, {
    title,
    body: html`<div class="card">${body}${supportContact(site)}</div>`,
    nav: nav && { current: nav.current, sections: memberSections(nav.access) },
  });
}

function memberSections(access: MemberAccess) {
  return [
    { href: '/', label: SECTION_LABELS[''] },
    ...(access.courses.length ? [{ href: '/courses', label: SECTION_LABELS.courses }] : []),
    ...(access.communities.length ? [{ href: '/communities', label: SECTION_LABELS.communities }] : []),
    ...(access.affiliates ? [{ href: '/affiliates', label: SECTION_LABELS.affiliates }] : []),
  ];
}

function loginForm(): SafeHtml {
  return html`<form method="post" action="/login">
    <label for="email">Email address</label>
    <input id="email" name="email" type="email" autocomplete="email" required>
    <button type="submit">Email me a login link</button>
  </form>`;
}

/** The plain URL (no token, not logged in): manual login. */
/**
 * "Have a code?": the 6-digit code from the login email, for a device other than the one that
 * has the email. The page names the request when it knows it, otherwise the person gives the email.
 */
export function loginCodeForm(target: { requestId: string } | { email: true }): SafeHtml {
  return html`<details class="code-form"${'requestId' in target ? ' open' : ''}>
  <summary>Have a code?</summary>
  <form method="post" action="/login/code">
    ${'requestId' in target
      ? html`<input type="hidden" name="request" value="${target.requestId}">`
      : html`<label for="code-email">Email address</label>
    <input id="code-email" type="email" name="email" autocomplete="email" required>`}
    <label for="code">The 6-digit code from your login email</label>
    <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7" required>
    <button type="submit">Log in with the code</button>
  </form>
</details>`;
}

/** A code that is wrong, expired, used or locked, or an address of no one: one answer. */
export function loginCodeRefusedPage(site: Site, requestId?: string): string {
  return card(
    site,
    "That code didn't work",
    html`<h1>That code didn't work</h1>
  <p>Check the 6 digits in your latest login email. A code works for 10 minutes and allows 5 tries; after that, ask for a new email.</p>
  ${loginCodeForm(requestId ? { requestId } : { email: true })}
  <p><a href="/">Email me a new link</a></p>`,
  );
}

export function loginFormPage(site: Site, notice?: string): string {
  return card(
    site,
    'Log in',
    html`<h1>Log in to ${site.title}</h1>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  <p>Enter the email address you joined with and we'll email you a login link.</p>
  ${loginForm()}
  ${loginCodeForm({ email: true })}`,
  );
}

export function loginEmailSentPage(site: Site, requestId: string): string {
  return card(
    site,
    'Check your email',
    html`<h1>Check your email</h1>
  <p>If that address belongs to a member of ${site.title}, a login link is on its way. It can take a minute to arrive; check your spam folder too.</p>
  ${loginCodeForm({ requestId })}
  <p><a href="/">Use a different address</a></p>`,
  );
}

/** Invalid, tampered, another site's, revoked or used up: one generic answer and the way in. */
export function linkUnusablePage(site: Site): string {
  return card(
    site,
    "This link can't be used",
    html`<h1>This link can't be used</h1>
  <p>The login link you followed isn't valid any more. It may have been replaced by a newer one, already used, or copied incompletely.</p>
  <p>Enter your email address and we'll send you a new one.</p>
  ${loginForm()}
  ${loginCodeForm({ email: true })}`,
  );
}

export function linkExpiredPage(site: Site, token: string): string {
  return card(
    site,
    'This link has expired',
    html`<h1>This link has expired</h1>
  <p>For your security, login links only work for a limited time. We can send a fresh one to the email address we have on file for you.</p>
  <form method="post" action="/resend">
    <input type="hidden" name="token" value="${token}">
    <button type="submit">Send me a new link</button>
  </form>
  ${loginCodeForm({ email: true })}`,
  );
}

export function freshLinkSentPage(site: Site, requestId: string): string {
  return card(
    site,
    'New link sent',
    html`<h1>A new link is on its way</h1>
  <p>We've sent a fresh login link to the email address on file. It can take a minute to arrive.</p>
  ${loginCodeForm({ requestId })}`,
  );
}

export function noEmailOnFilePage(site: Site): string {
  return card(
    site,
    "We can't send a new link",
    html`<h1>We can't email you a new link</h1>
  <p>There is no email address on file for you. Please contact support and we'll get you back in.</p>`,
  );
}

export function noAccessPage(site: Site): string {
  return card(
    site,
    'No active access',
    html`<h1>You don't have access right now</h1>
  <p>Your login link is genuine, but your account doesn't hold an active offer on ${site.title}, so we can't log you in. If you believe this is a mistake — for example, you've just purchased — contact support and we'll sort it out.</p>`,
  );
}

export function previewLinkPage(site: Site): string {
  return card(
    site,
    'Preview link',
    html`<h1>This was a preview link</h1>
  <p>Links in message previews show where the real link leads, but they don't log anyone in. When the message is sent, each recipient gets their own working link.</p>
  <p><a href="/">Go to ${site.title}</a></p>`,
  );
}

/**
 * Single-use links confirm with a POST, so mail scanners that open links (GET, HEAD) don't use
 * them up. A person's click submits it — never a script: scanners run JavaScript too.
 */
export function confirmLoginPage(site: Site, token: string): string {
  return card(
    site,
    'Logging you in',
    html`<h1>Log in to ${site.title}</h1>
  <p>This login link works once. Continue to log in.</p>
  <form method="post" action="/login/confirm">
    <input type="hidden" name="token" value="${token}">
    <button type="submit">Continue to ${site.title}</button>
  </form>`,
  );
}

/** A form posted from another page than this site's own (server/http/form-origin.ts). */
export function foreignFormPage(site: Site): string {
  return card(
    site,
    'Please log in here',
    html`<h1>Please log in from ${site.title} itself</h1>
  <p>This request came from another website, so we didn't act on it. Open <a href="/">${site.title}</a> and log in there.</p>`,
  );
}

export function tooManyRequestsPage(site: Site, retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return card(
    site,
    'Too many attempts',
    html`<h1>Too many attempts</h1>
  <p>Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.</p>`,
  );
}

function itemList(items: { id: string; title: string; description: string }[], section: string): SafeHtml {
  return html`<ul class="items">${items.map(
    (i) => html`<li><a href="/${section}/${i.id}"><strong>${i.title}</strong></a>${i.description ? html`<br><span>${i.description}</span>` : ''}</li>`,
  )}</ul>`;
}

/** What the member holds, for home and for the no-content page. */
function holdings(access: MemberAccess): SafeHtml {
  return html`${access.courses.length ? html`<h2>Your courses</h2>${itemList(access.courses, 'courses')}` : ''}
  ${access.communities.length ? html`<h2>Your communities</h2>${itemList(access.communities, 'communities')}` : ''}
  ${access.affiliates ? html`<h2>Affiliate program</h2><p><a href="/affiliates">Open the affiliate portal</a></p>` : ''}
  <p>Your offers: ${access.offers.map((o, i) => html`${i ? ', ' : ''}<strong>${o.title}</strong>`)}</p>`;
}

export function noContentPage(site: Site, access: MemberAccess, destination: string): string {
  const section = SECTION_LABELS[destination.split('/')[0]] ?? 'This section';
  return card(
    site,
    'Not included in your offers',
    html`<h1>${destination.includes('/') ? 'This item' : section} isn't part of your offers</h1>
  <p>None of your offers include it. Here is what you have:</p>
  ${holdings(access)}`,
    { current: `/${destination}`, access },
  );
}

export function homePage(site: Site, access: MemberAccess, firstName: string): string {
  return card(
    site,
    'Home',
    html`<h1>Welcome${firstName ? html`, ${firstName}` : ''}!</h1>${holdings(access)}`,
    { current: '/', access },
  );
}

export function sectionPage(site: Site, access: MemberAccess, destination: string): string {
  const [section, itemId] = destination.split('/');
  if (section === 'affiliates') {
    return card(
      site,
      'Affiliate portal',
      html`<h1>Affiliate portal</h1><p>Share ${site.title} and earn commissions. Your referral links and payouts appear here.</p>`,
      { current: '/affiliates', access },
    );
  }
  const items = section === 'courses' ? access.courses : access.communities;
  if (itemId) {
    const item = items.find((i) => i.id === itemId)!;
    return card(site, item.title, html`<p><a href="/${section}">← ${SECTION_LABELS[section]}</a></p><h1>${item.title}</h1><p>${item.description}</p>`, {
      current: `/${section}`,
      access,
    });
  }
  return card(site, SECTION_LABELS[section], html`<h1>${SECTION_LABELS[section]}</h1>${itemList(items, section)}`, {
    current: `/${section}`,
    access,
  });
}
