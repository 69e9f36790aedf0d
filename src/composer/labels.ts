/**
 * Every word the composer shows that a host may want in its own language. A host passes only the
 * strings it changes (`labels={{ subject: 'Betreff' }}`); the rest stay English.
 */
export interface ComposerLabels {
  subject: string;
  subjectPlaceholder: string;
  previewText: string;
  previewTextPlaceholder: string;
  previewTextHint: string;
  emailBody: string;
  smsMessage: string;
  emailBodyPlaceholder: string;
  smsMessagePlaceholder: string;
  insertField: string;
  preview: string;
  previewForContact: string;
  previewWidth: string;
  desktop: string;
  mobile: string;
  darkMode: string;
  refreshPreview: string;
  updatingPreview: string;
  previewFailed: string;
  tryAgain: string;
  showPreview: string;
  hidePreview: string;
  /** Shown in the preview pane while there is nothing written yet. */
  previewEmpty: string;
  /** Shown in the preview pane of an email with a body but no subject (the preview needs one). */
  previewNeedsSubject: string;
}

export const DEFAULT_LABELS: ComposerLabels = {
  subject: 'Subject',
  subjectPlaceholder: 'What is this email about?',
  previewText: 'Preview text',
  previewTextPlaceholder: 'Shown after the subject in most inboxes',
  previewTextHint: 'Optional. Shown after the subject in the inbox list.',
  emailBody: 'Email body',
  smsMessage: 'SMS message',
  emailBodyPlaceholder: 'Write your email… Type {{ to insert a field.',
  smsMessagePlaceholder: 'Write your text message… Type {{ to insert a field.',
  insertField: 'Insert field',
  preview: 'Preview',
  previewForContact: 'Preview for a contact',
  previewWidth: 'Preview width',
  desktop: 'Desktop',
  mobile: 'Mobile',
  darkMode: 'Dark mode',
  refreshPreview: 'Refresh preview',
  updatingPreview: 'Updating preview…',
  previewFailed: 'The preview could not be made.',
  tryAgain: 'Try again',
  showPreview: 'Show preview',
  hidePreview: 'Hide preview',
  previewEmpty: 'Your preview appears here as you write.',
  previewNeedsSubject: 'Add a subject to see the preview.',
};

export const labelsWith = (overrides: Partial<ComposerLabels> | undefined): ComposerLabels =>
  overrides ? { ...DEFAULT_LABELS, ...overrides } : DEFAULT_LABELS;
