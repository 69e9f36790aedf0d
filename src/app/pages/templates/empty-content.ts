import type { Channel, ComposerValue } from 'memberlink/composer';

const emptyDoc = () => ({ type: 'doc', content: [{ type: 'paragraph' }] });

export function emptyContent(channel: Channel): ComposerValue {
  return channel === 'email' ? { subject: '', previewText: '', body: emptyDoc() } : { body: emptyDoc() };
}
