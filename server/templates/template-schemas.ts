import { z } from 'zod';
import { describeDocumentNodes } from '../../src/template/document-reference.ts';

export const channelField = z.enum(['email', 'sms']);

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
