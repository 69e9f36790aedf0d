/**
 * "Why can't they log in?": takes a link a member forwarded and says whose it is, where it leads,
 * its state, the contact's access now, and the one reason it would fail now — with the fix.
 */
import { decodeJwt } from 'jose';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { inspectionVerdictField, linkInspectionResponse } from '../../src/contract/link-schemas.ts';
import type { AppContext } from '../context.ts';
import { magicLinks } from '../db/schema.ts';
import type { Site } from '../sites/site-repository.ts';
import { findContact } from '../contacts/contact-service.ts';
import { listOffers } from '../offers/offer-service.ts';
import { holdsAnyOffer, memberAccess, unlocks } from '../offers/member-access.ts';
import { PREVIEW_TOKEN } from './link-token.ts';
import { verifyLinkToken, type LinkAudience, type LinkFailureReason } from './link-token.ts';
import { checkLinkUsable } from './link-state.ts';
import { resolveShortLinkFor, shortCodeOfPath, type ShortLinkResolution } from './short-links.ts';

export type InspectionVerdict = z.output<typeof inspectionVerdictField>;
/** Dates as Dates here; the route sends them as ISO strings. */
export type LinkInspection = z.output<typeof linkInspectionResponse>;

const TOKEN_FAILURES: Record<Exclude<LinkFailureReason, 'expired'>, Pick<LinkInspection, 'verdict' | 'reason' | 'fix'>> = {
  malformed: { verdict: 'tampered', reason: 'The token is not a complete memberlink token.', fix: 'The link was cut off or altered when copied. Send the member a new link.' },
  bad_signature: { verdict: 'tampered', reason: 'The token was altered: its signature does not match.', fix: 'Send the member a new link; do not edit links by hand.' },
  unknown_key: { verdict: 'key_retired', reason: 'The token was signed with a key this site does not know.', fix: 'Send the member a new link.' },
  retired_key: { verdict: 'key_retired', reason: 'The token was signed with a signing key that has since been retired.', fix: 'Send the member a new link; it will be signed with the current key.' },
  wrong_site: { verdict: 'not_this_site', reason: 'This link was issued by another site.', fix: 'Inspect it on the site that sent it, or send a link from this site.' },
  wrong_audience: { verdict: 'wrong_kind', reason: 'This is the wrong kind of link for where it points.', fix: 'Send a Learner Link to members and a User Link to staff.' },
};

const PREVIEW_VERDICT: Pick<LinkInspection, 'verdict' | 'reason' | 'fix'> = {
  verdict: 'preview',
  reason: 'This link comes from a message preview and never logs anyone in.',
  fix: 'Send the message; each recipient gets their own working link.',
};

type TokenOfUrl = { token: string | null; error?: string } | { short: Exclude<ShortLinkResolution, { kind: 'token' }> };

/** The token a link carries: its `token` parameter, or a short link's code resolved to its link's token. */
async function tokenOf(ctx: AppContext, site: Site, rawUrl: string): Promise<TokenOfUrl> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { token: null, error: 'That is not a URL. Paste the whole link, starting with http.' };
  }
  const code = shortCodeOfPath(url.pathname);
  if (code !== null) {
    const short = await resolveShortLinkFor(ctx, site, code);
    return short.kind === 'token' ? { token: short.token } : { short };
  }
  return { token: url.searchParams.get('token') };
}

const SHORT_LINK_FAILURES: Record<'unknown' | 'key_retired', Pick<LinkInspection, 'verdict' | 'reason' | 'fix'>> = {
  unknown: {
    verdict: 'unknown_link',
    reason: "This short link is not in this site's records: it was cut off or mistyped, belongs to another site, or its contact was deleted.",
    fix: 'Ask the member to forward the text message, or send them a new link.',
  },
  key_retired: TOKEN_FAILURES.retired_key,
};

export async function inspectLink(ctx: AppContext, site: Site, rawUrl: string): Promise<LinkInspection> {
  const found = await tokenOf(ctx, site, rawUrl);
  if ('short' in found) {
    if (found.short.kind === 'preview') return PREVIEW_VERDICT;
    return SHORT_LINK_FAILURES[found.short.kind];
  }
  const { token, error } = found;
  if (error) return { verdict: 'tampered', reason: error, fix: 'Ask the member to forward the email, or copy the link with "Copy link address".' };
  if (!token) {
    return {
      verdict: 'plain_url',
      reason: 'This is the plain URL: it carries no login token, so it shows the login form.',
      fix: 'Nothing is broken. The member can use "Email me a login link", or you can send them a magic link.',
    };
  }
  if (token === PREVIEW_TOKEN) return PREVIEW_VERDICT;
  let audience: LinkAudience = 'learner';
  try {
    if (decodeJwt(token).aud === 'user') audience = 'user';
  } catch {
    // Unreadable payloads fail verification below as malformed.
  }
  const now = ctx.now();
  const verified = await verifyLinkToken(token, ctx.keyRing, { siteId: site.id, audience }, now);
  const claims = verified.ok ? verified.claims : verified.claims;
  if (!verified.ok && verified.reason !== 'expired') return TOKEN_FAILURES[verified.reason];

  const [row] = await ctx.db.select().from(magicLinks).where(eq(magicLinks.jti, claims!.jti)).limit(1);
  const contact = audience === 'learner' ? await findContact(ctx.db, site.id, claims!.sub) : null;
  const base: LinkInspection = {
    verdict: 'works',
    reason: '',
    fix: '',
    link: row && {
      jti: row.jti,
      kind: row.kind,
      destination: row.destination,
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt,
      uses: row.uses,
      maxUses: row.maxUses,
      revoked: row.revokedAt !== null,
      channel: row.channel,
      sentBy: row.sentBy,
    },
    contact: contact ? { id: contact.id, name: `${contact.firstName} ${contact.lastName}`.trim(), email: contact.email } : undefined,
  };
  const who = contact ? `${base.contact!.name || contact.email || 'the contact'}` : 'the recipient';
  if (audience === 'learner' && contact) {
    const access = await memberAccess(ctx.db, site.id, contact.id);
    base.access = { offers: access.offers.map((o) => o.title), unlocksDestination: unlocks(access, claims!.dest) };
  }

  if (!verified.ok) {
    return { ...base, verdict: 'expired', reason: `The link expired on ${claims!.exp ? new Date(claims!.exp * 1000).toISOString() : 'an earlier date'}.`, fix: `Resend the link to ${who}; on the expired page they can also click "Send me a new link".` };
  }
  const state = await checkLinkUsable(ctx.db, claims!, now);
  if (state === 'unknown') return { ...base, verdict: 'unknown_link', reason: 'The link is not in this site\'s records (or its contact was deleted).', fix: 'Send a new link.' };
  if (state === 'revoked') return { ...base, verdict: 'revoked', reason: `The link was revoked (all links of ${who} were revoked after it was sent).`, fix: `Send ${who} a new link.` };
  if (state === 'used_up') return { ...base, verdict: 'used_up', reason: 'The link was single-use and has been used.', fix: `Send ${who} a new link, or allow more uses in the site's link policy.` };
  if (audience === 'learner') {
    const access = await memberAccess(ctx.db, site.id, claims!.sub);
    if (!holdsAnyOffer(access)) {
      return { ...base, verdict: 'no_access', reason: `${who} holds no active offer, so the link can't log them in.`, fix: `Grant ${who} an offer${await offersUnlocking(ctx, site, claims!.dest)}.` };
    }
    if (!unlocks(access, claims!.dest)) {
      return {
        ...base,
        verdict: 'no_content',
        reason: `${who} can log in, but none of their offers unlock /${claims!.dest}: they will see what they do have.`,
        fix: `Grant an offer that includes it${await offersUnlocking(ctx, site, claims!.dest)}.`,
      };
    }
  }
  return { ...base, verdict: 'works', reason: `The link works now: it logs ${who} into /${claims!.dest}.`, fix: 'Nothing to fix.' };
}

/** ", such as “All Access”" — the offers that would open the destination. */
async function offersUnlocking(ctx: AppContext, site: Site, destination: string): Promise<string> {
  const names = (await listOffers(ctx.db, site.id))
    .filter((o) => unlocks({ offers: [o], courses: o.courses, communities: o.communities, affiliates: o.includesAffiliates }, destination))
    .map((o) => `“${o.title}”`);
  return names.length ? ` such as ${names.slice(0, 3).join(' or ')}` : ' (no offer includes it yet: add it to one)';
}
