import { z } from 'zod';

export const channelField = z.enum(['email', 'sms']);

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
