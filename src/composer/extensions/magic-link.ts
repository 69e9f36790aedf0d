import { Mark, mergeAttributes } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { isSafeAbsoluteUrl } from '../../template';
import { isAllowedLinkHref } from '../magic-link/link-href';

export interface LinkAttributes {
  href: string;
  target?: string | null;
  rel?: string | null;
  class?: string | null;
  title?: string | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    link: {
      /** Links the selection; false (and nothing changes) for an address `isAllowedLinkHref` refuses. */
      setLink: (attributes: LinkAttributes) => ReturnType;
      toggleLink: (attributes?: LinkAttributes) => ReturnType;
      unsetLink: () => ReturnType;
    };
  }
}

/**
 * The `link` mark for template messages, with the name and stored attributes of Tiptap's Link.
 * Ours rather than @tiptap/extension-link: that one always brings linkify (~11 kB gzipped, a third
 * of the budget's headroom) for autolinking, which we turn off anyway — linkify ends a URL at `{`,
 * so `https://x/?t={{token}}` would be linked as a broken prefix, typed or pasted.
 */
export const MagicLink = Mark.create({
  name: 'link',
  priority: 1000,
  keepOnSplit: false,
  exitable: true,
  // Typing at the end of a link continues plain text.
  inclusive: false,

  addAttributes() {
    // Stored marks stay free of presentation attributes: emails open links in a new tab anyway.
    return {
      href: { default: null, parseHTML: (element) => element.getAttribute('href') },
      target: { default: null, parseHTML: () => null },
      rel: { default: null, parseHTML: () => null },
      class: { default: null, parseHTML: () => null },
      title: { default: null },
    };
  },

  parseHTML() {
    return [{ tag: 'a[href]', getAttrs: (dom) => (isAllowedLinkHref(dom.getAttribute('href')) ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    const href = isAllowedLinkHref(HTMLAttributes.href as string | null) ? HTMLAttributes.href : '';
    return ['a', mergeAttributes(HTMLAttributes, { href }), 0];
  },

  addCommands() {
    return {
      setLink:
        (attributes) =>
        ({ chain }) =>
          isAllowedLinkHref(attributes.href) && chain().setMark(this.name, attributes).run(),
      toggleLink:
        (attributes) =>
        ({ chain }) => {
          if (attributes?.href && !isAllowedLinkHref(attributes.href)) return false;
          return chain().toggleMark(this.name, attributes, { extendEmptyMarkRange: true }).run();
        },
      unsetLink:
        () =>
        ({ chain }) =>
          chain().unsetMark(this.name, { extendEmptyMarkRange: true }).run(),
    };
  },

  addProseMirrorPlugins() {
    const { editor, type } = this;
    return [
      // Pasting exactly one web address over selected text links that text (it replaces nothing).
      new Plugin({
        key: new PluginKey('linkOnPaste'),
        props: {
          handlePaste: (view, _event, slice) => {
            if (view.state.selection.empty) return false;
            const pasted = slice.content.textBetween(0, slice.content.size).trim();
            if (!isSafeAbsoluteUrl(pasted) || /\s/.test(pasted)) return false;
            return editor.commands.setMark(type, { href: pasted });
          },
        },
      }),
    ];
  },
});
