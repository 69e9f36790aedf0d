/**
 * "Send a test to me": the message resolved for a chosen contact (or sample values), emailed to
 * the signed-in staff member. A link is a credential, and a staff member must never hold a live
 * member token that is not theirs — so the test is rendered like a preview (render-preview.ts):
 * the contact's values, but magic links with token=preview / the preview short code and the
 * preview unsubscribe address, none of which logs anyone in or unsubscribes anyone. Nothing is
 * minted, no send is recorded, and the contact's thread does not show it (no contact on the email).
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import { staffUsers } from '../db/schema.ts';
import { sendEmailNow } from '../channels/email/send-email.ts';
import { previewOf } from '../render/render-message.ts';
import { ApiError } from '../http/api-error.ts';
import type { Site } from '../sites/site-repository.ts';
import { renderPreview, type PreviewRequest } from '../templates/render-preview.ts';
import { html } from '../member/html.ts';

export const TEST_SUBJECT_PREFIX = '[Test] ';

/** The signed-in staff member's address; anyone else has no inbox of their own here. */
async function staffEmailOf(ctx: AppContext, site: Site, principal: Principal | null): Promise<string> {
  if (principal?.kind !== 'staff') {
    throw new ApiError(
      403,
      'staff_only',
      'A test goes to the signed-in staff member\'s own email: sign in to the admin app to send one (an API key has no inbox).',
    );
  }
  const [user] = await ctx.db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.siteId, site.id), eq(staffUsers.id, principal.userId)))
    .limit(1);
  if (!user) throw new ApiError(403, 'staff_only', 'Your staff account was removed from this site.');
  return user.email;
}

export async function sendTestToMe(ctx: AppContext, site: Site, principal: Principal | null, body: PreviewRequest): Promise<{ to: string; subject: string }> {
  const to = await staffEmailOf(ctx, site, principal);
  const { rendered, recipient, templateName } = await renderPreview(ctx, site, body);
  const preview = previewOf(rendered);
  const who = [recipient.contact.firstName, recipient.contact.lastName].filter(Boolean).join(' ') || recipient.contact.email || 'a contact';
  if (preview.channel === 'email') {
    const subject = TEST_SUBJECT_PREFIX + (preview.subject ?? '');
    await sendEmailNow(ctx, { siteId: site.id, to, subject, html: preview.html ?? '', text: preview.text });
    return { to, subject };
  }
  // Staff have an email address, not a phone on file: an SMS test arrives as its text by email.
  const subject = `${TEST_SUBJECT_PREFIX}SMS${templateName ? ` “${templateName}”` : ''} as ${who} would get it`;
  const smsHtml = html`<p style="white-space:pre-wrap;font-family:sans-serif">${preview.text}</p>`.value;
  await sendEmailNow(ctx, { siteId: site.id, to, subject, html: smsHtml, text: preview.text });
  return { to, subject };
}
