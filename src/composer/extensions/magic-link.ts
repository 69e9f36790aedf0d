import Link from '@tiptap/extension-link';
import { isAllowedLinkHref } from '../magic-link/link-href';

/**
 * The `link` mark for template messages. Replaces StarterKit's Link (configured with `link: false`),
 * so the mark keeps its name and stored shape.
 */
export const MagicLink = Link.extend({
  // Linkify ends a URL at `{`, so pasting `https://x/?t={{token}}` would link a broken prefix.
  // Paste still links a selection when the pasted text is exactly one URL (linkOnPaste).
  addPasteRules() {
    return [];
  },
}).configure({
  // Typing autolinks has the same `{{ }}` problem as paste rules.
  autolink: false,
  // Clicking a link while writing places the caret; the bubble menu edits it.
  openOnClick: false,
  isAllowedUri: (url) => isAllowedLinkHref(url),
  // Emails open links in a new tab anyway; stored marks stay free of presentation attributes.
  HTMLAttributes: { target: null, rel: null, class: null },
});
