import { z } from 'zod';
import { describeDocumentNodes } from '../template/document-reference.ts';
import { CHANNELS } from '../template/channel.ts';

export const channelField = z.enum(CHANNELS);

/** The document shape is src/template's to check (validate*Content), which reports exact paths. */
export const contentField = z
  .record(z.string(), z.unknown())
  .describe(
    'A composer document: EmailContent { subject, previewText, body } or SmsContent { body }; `body` is a Tiptap/ProseMirror ' +
      '`doc` node: { type, attrs?, content?, text?, marks? }. Subject, preview text, text and attributes may hold custom values such as ' +
      '{{contact.first_name | default: "there"}}. An SMS holds paragraphs, text, hardBreak, mergeField, link marks and showIf. Node types:\n' +
      describeDocumentNodes(),
  );

const nameField = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const createTemplateBody = z.object({ name: nameField, channel: channelField, content: contentField });
export const updateTemplateBody = z.object({ name: nameField.optional(), content: contentField.optional() });
export const templateParams = z.object({ siteId: z.string(), templateId: z.uuid() });
export const listTemplatesQuery = z.object({
  channel: channelField.optional(),
  search: z.string().trim().max(200).optional().describe('Only templates whose name contains this (ignoring capitals).'),
});

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
      .describe(
        'The contact to render for (their offers, custom fields and unlocked items decide Show if… and repeat blocks); null or absent renders with the catalog\'s sample values ("Use sample data"), as someone holding every offer of the site.',
      ),
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
