import type { Site } from '../sites/site-repository.ts';
import { html, SafeHtml } from './html.ts';

const STYLES = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f5f6fa}
header{background:#1e293b;color:#fff;padding:14px 20px;display:flex;justify-content:space-between;align-items:center;gap:12px;flex-wrap:wrap}
header a{color:#e2e8f0}header .brand{font-weight:700;font-size:18px;color:#fff;text-decoration:none}
nav{display:flex;gap:14px;flex-wrap:wrap}nav a{text-decoration:none}nav a[aria-current]{text-decoration:underline;color:#fff}
main{max-width:760px;margin:32px auto;padding:0 20px}
.card{background:#fff;border-radius:12px;padding:28px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:24px;margin:0 0 12px}p{margin:0 0 14px}
form{display:flex;flex-direction:column;gap:10px;margin-top:16px}label{font-weight:600}
input[type=email],input[name=code]{padding:10px 12px;border:1px solid #cbd5e1;border-radius:8px;font-size:16px}
input[name=code]{max-width:12em;letter-spacing:.25em;font-variant-numeric:tabular-nums}
.code-form{margin:20px 0 16px;padding-top:14px;border-top:1px solid #e2e8f0}.code-form summary{cursor:pointer;font-weight:600;color:#4f46e5}.code-form form{margin-top:10px}
button,.button{display:inline-block;background:#4f46e5;color:#fff;border:0;border-radius:8px;padding:11px 18px;font-size:16px;font-weight:600;cursor:pointer;text-decoration:none;text-align:center}
button.secondary{background:#e2e8f0;color:#1f2937}
.support{margin-top:22px;padding-top:16px;border-top:1px solid #e2e8f0;color:#475569;font-size:14px}
ul.items{list-style:none;padding:0;margin:0 0 16px;display:grid;gap:12px}ul.items li{background:#f8fafc;border:1px solid #e2e8f0;border-radius:10px;padding:14px}
.notice{background:#eef2ff;border-radius:8px;padding:12px 14px;margin-bottom:16px}
footer{text-align:center;color:#94a3b8;font-size:13px;margin:24px 0}
`;

export interface MemberPage {
  title: string;
  body: SafeHtml;
  /** The member's navigation; absent on logged-out pages. */
  nav?: { current: string; sections: { href: string; label: string }[] };
}

/** The branded frame of every member-site page: site title, support contacts, never a stack trace. */
export function memberLayout(site: Site, page: MemberPage): string {
  return brandedLayout(site.title, page);
}

/** The same frame under any brand (the staff sign-in pages name the site's admin). */
export function brandedLayout(brand: string, page: MemberPage): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title} · ${brand}</title>
<style>${new SafeHtml(STYLES)}</style>
</head>
<body>
<header>
  <a class="brand" href="/">${brand}</a>
  ${page.nav
    ? html`<nav aria-label="Member area">${page.nav.sections.map(
        (s) => html`<a href="${s.href}" ${s.href === page.nav!.current ? html`aria-current="page"` : ''}>${s.label}</a>`,
      )}<form method="post" action="/logout" style="margin:0;display:inline"><button class="secondary" type="submit" style="padding:4px 10px;font-size:14px">Log out</button></form></nav>`
    : ''}
</header>
<main>${page.body}</main>
<footer>${brand}</footer>
</body>
</html>`.value;
}

/** The support block shown on every failure page. */
export function supportContact(site: Site): SafeHtml {
  const email = site.supportEmail;
  const phone = site.supportPhone;
  if (!email && !phone) return html``;
  return html`<div class="support">Need help? Contact ${site.title} support${email ? html` at <a href="mailto:${email}">${email}</a>` : ''}${
    email && phone ? ' or' : ''
  }${phone ? html` <a href="tel:${phone}">${phone}</a>` : ''}.</div>`;
}
