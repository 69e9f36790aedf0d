import type { DocNode } from '../../../template';
import type { ComposerValue } from '../../types';

/** Why there is nothing to preview yet, or null when there is. */
export type PreviewBlocker = 'empty' | 'needsSubject' | null;

/** A document with no text and nothing but empty paragraphs (what a new template starts as). */
function isBlankDoc(doc: DocNode): boolean {
  return (doc.content ?? []).every((node) => node.type === 'paragraph' && (node.content ?? []).every((child) => child.type === 'text' && !child.text?.trim()));
}

/**
 * A new message is not an error: the pane says what it is waiting for instead of asking the host
 * for a preview it would refuse ("the subject is empty").
 */
export function previewBlocker(value: ComposerValue): PreviewBlocker {
  if ('subject' in value) {
    const bodyBlank = isBlankDoc(value.body);
    if (!value.subject.trim() && bodyBlank) return 'empty';
    return value.subject.trim() ? null : 'needsSubject';
  }
  return isBlankDoc(value.body) ? 'empty' : null;
}
