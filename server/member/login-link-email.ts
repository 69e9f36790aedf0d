/**
 * The system email that carries a login link (manual login, "send me a new link"). It is an
 * ordinary template document, so it goes through the same compile-once / fill-per-recipient path
 * and the same escaping as every message.
 */
import type { EmailContent } from '../../src/template/document.ts';
import { magicLinkHref, magicLinkKey } from '../../src/template/magic-link-keys.ts';
import { compileEmailTemplate, renderEmailForRecipient, type CompiledEmail } from '../channels/email/compile-email.ts';
import { magicLinkKeysOf, mintRecipientLinks, recipientValueSource } from '../render/recipient-values.ts';
import { MagicLinkMinter } from '../links/mint-magic-link.ts';
import { sendEmailNow } from '../channels/email/send-email.ts';
import type { AppContext } from '../context.ts';
import type { Contact } from '../contacts/contact-service.ts';
import type { Site } from '../sites/site-repository.ts';
import { issueLoginCode } from '../auth/login-codes.ts';

const text = (t: string) => ({ type: 'text', text: t });
const field = (key: string, fallback = '') => ({ type: 'mergeField', attrs: { key, fallback } });

export function loginLinkEmail(destination: string): EmailContent {
  const key = magicLinkKey('learner', destination);
  return {
    subject: 'Your login link for {{site.title}}',
    previewText: 'One click and you are in.',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('Hi '), field('contact.first_name', 'there'), text(',')] },
        { type: 'paragraph', content: [text('Here is your login link for '), field('site.title'), text('. It logs you in without a password.')] },
        {
          type: 'button',
          attrs: { href: magicLinkHref(key), label: 'Log in', align: 'left', backgroundColor: '#4f46e5', textColor: '#ffffff', fullWidth: false },
        },
        {
          type: 'paragraph',
          content: [text('On another device? Enter this code on the login page instead: '), field('login_code'), text('. It works for 10 minutes.')],
        },
        { type: 'paragraph', content: [text("If you didn't ask for this email, you can ignore it.")] },
      ],
    },
  };
}

/** Compiled once per destination per process. */
const compiled = new Map<string, Promise<CompiledEmail>>();
function compiledFor(destination: string): Promise<CompiledEmail> {
  let entry = compiled.get(destination);
  if (!entry) {
    entry = compileEmailTemplate(loginLinkEmail(destination));
    compiled.set(destination, entry);
    entry.catch(() => compiled.delete(destination));
  }
  return entry;
}

export async function sendLoginLinkEmail(
  ctx: AppContext,
  site: Site,
  contact: Contact,
  destination: string,
  sentBy: 'member:login' | 'member:resend',
  /** The request id the answering page already shows (its "Have a code?" form names it). */
  requestId?: string,
): Promise<void> {
  if (!contact.email) throw new Error('The contact has no email address');
  const email = await compiledFor(destination);
  const minter = new MagicLinkMinter(ctx.db, ctx.keyRing, ctx.config);
  const recipient = { site, contact };
  const links = await mintRecipientLinks(recipient, magicLinkKeysOf([email.html, email.text]), {
    minter,
    channel: 'email',
    sentBy,
    now: ctx.now(),
  });
  await minter.flush();
  // The code is bound to this request and to the link sent with it (server/auth/login-codes.ts).
  const link = links.get(magicLinkKey('learner', destination))!;
  const { code } = await issueLoginCode(ctx.db, ctx.masterKey, { requestId, siteId: site.id, kind: 'learner', subjectId: contact.id, jti: link.jti, now: ctx.now() });
  const values = recipientValueSource(ctx.config, recipient, links);
  const rendered = renderEmailForRecipient(email, (slot) => (slot.key === 'login_code' ? code : values(slot)));
  await sendEmailNow(ctx, { siteId: site.id, contactId: contact.id, to: contact.email, ...rendered });
}
