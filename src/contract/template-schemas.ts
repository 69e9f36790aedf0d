import { z } from 'zod';
import { CHANNELS } from '../template/channel.ts';

export const channelField = z.enum(CHANNELS);

/** The document shape is src/template's to check (validate*Content), which reports exact paths. */
export const contentField = z
  .record(z.string(), z.unknown())
  .describe(
    'A composer document: EmailContent { subject, previewText, body } or SmsContent { body }, body a Tiptap `doc` node. ' +
      'Email nodes: paragraph, heading {level 1-6}, bulletList, orderedList, listItem, blockquote, codeBlock, horizontalRule, hardBreak, ' +
      'image {src, alt, title}, button {href, label, align, backgroundColor, textColor, fullWidth}, mergeField {key, fallback}, ' +
      'spacer {height 8-160}, columns (2 or 3 column nodes, top level only), column (blocks), footer (site title, postal address, unsubscribe link). ' +
      'SMS: paragraph, text, hardBreak, mergeField and link marks. See the README section "Document format".',
  );

const nameField = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const createTemplateBody = z.object({ name: nameField, channel: channelField, content: contentField });
export const updateTemplateBody = z.object({ name: nameField.optional(), content: contentField.optional() });
export const templateParams = z.object({ siteId: z.string(), templateId: z.uuid() });
export const listTemplatesQuery = z.object({ channel: channelField.optional() });

export const templateResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: channelField,
  content: contentField,
  version: z.number().describe('Grows with every edit; the compiled form is cached per version.'),
  linkKeys: z.array(z.string()).describe('Magic links in it: one token each is minted per recipient.'),
  warnings: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** What one contact would receive (POST /preview), with preview links that log no one in. */
export const previewBody = z
  .object({
    document: contentField.optional(),
    templateId: z.uuid().optional(),
    channel: channelField.optional().describe('Required with `document`; defaults to the template\'s channel.'),
    contactId: z
      .uuid()
      .nullable()
      .optional()
      .describe('The contact to render for; null or absent renders with the catalog\'s sample values ("Use sample data").'),
    offerId: z.uuid().optional().describe('Fills {{offer.title}} as a workflow for this offer would.'),
  })
  .refine((b) => (b.document === undefined) !== (b.templateId === undefined), {
    message: 'give either a document or a templateId',
    path: ['document'],
  })
  .refine((b) => b.templateId !== undefined || b.channel !== undefined, { message: 'required with a document', path: ['channel'] });

export const previewResponse = z.object({
  channel: channelField,
  subject: z.string().optional(),
  html: z.string().optional(),
  text: z.string(),
  segments: z.object({ encoding: z.string(), units: z.number(), segments: z.number() }).optional(),
});
