import { Node } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { asAlignment, type Alignment } from '../../template/nodes/alignment';
import { socialLinksOf, type SocialLink } from '../../template/nodes/social-links';
import { SOCIAL_ICON_SIZE, socialIconPath, socialNetwork } from '../../template/social-networks';

export interface SocialLinksAttributes {
  links: SocialLink[];
  align: Alignment;
}

export interface SocialLinksOptions {
  /** Where the editor loads the icons from: memberlink's `/media/`, as the email does. */
  mediaBaseUrl: () => string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    socialLinks: {
      /** Inserts a row, or changes the selected one. Links of unknown networks are dropped. */
      setSocialLinks: (attributes: SocialLinksAttributes) => ReturnType;
    };
  }
}

const allowedAlign = (value: unknown): Alignment => asAlignment(value) ?? 'center';

/** Known networks only, addresses trimmed; what is typed stays (validation explains a wrong address). */
export function cleanSocialLinks(links: unknown): SocialLink[] {
  if (!Array.isArray(links)) return [];
  return links.flatMap((link) => {
    const { network, url } = (typeof link === 'object' && link !== null ? link : {}) as Partial<SocialLink>;
    return socialNetwork(network) && typeof url === 'string' && url.trim() ? [{ network: network!, url: url.trim() }] : [];
  });
}

function readLinks(element: HTMLElement): SocialLink[] {
  return cleanSocialLinks([...element.querySelectorAll('a[data-network]')].map((a) => ({ network: a.getAttribute('data-network'), url: a.getAttribute('href') })));
}

/**
 * A row of social network icons, each a link to the sender's page: one block atom, edited through
 * the toolbar's Social links menu. The email draws memberlink's own PNG icons; so does the editor.
 */
export const SocialLinks = Node.create<SocialLinksOptions>({
  name: 'socialLinks',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { mediaBaseUrl: () => '/media/' };
  },

  addAttributes() {
    return {
      links: { default: [], rendered: false, parseHTML: readLinks },
      align: { default: 'center', rendered: false, parseHTML: (element) => allowedAlign(element.getAttribute('data-align')) },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-social-links]' }];
  },

  renderHTML({ node }) {
    const attrs = node.attrs as SocialLinksAttributes;
    return [
      'div',
      { 'data-social-links': '', 'data-align': attrs.align, style: `text-align: ${attrs.align}` },
      ...attrs.links.map((link) => ['a', { href: link.url, 'data-network': link.network }, socialNetwork(link.network)?.label ?? link.network]),
    ];
  },

  addNodeView() {
    const mediaBaseUrl = this.options.mediaBaseUrl;
    return ({ node: initialNode }) => {
      const dom = document.createElement('div');
      dom.className = 'ml-social-block';
      const draw = (node: ProseMirrorNode) => {
        const attrs = node.attrs as SocialLinksAttributes;
        dom.style.textAlign = attrs.align;
        const shown = socialLinksOf(node.toJSON());
        dom.replaceChildren(
          ...shown.map(({ network, url }) => {
            const icon = document.createElement('img');
            icon.src = `${mediaBaseUrl()}${socialIconPath(network.id)}`;
            icon.alt = network.label;
            icon.title = `${network.label}: ${url}`;
            icon.width = icon.height = SOCIAL_ICON_SIZE.shown;
            icon.className = 'ml-social-icon';
            return icon;
          }),
        );
        if (shown.length === 0) dom.textContent = 'Social links: add the address of one of your pages';
        dom.classList.toggle('ml-social-block--empty', shown.length === 0);
      };
      draw(initialNode);
      return {
        dom,
        update: (node) => {
          if (node.type !== initialNode.type) return false;
          draw(node);
          return true;
        },
      };
    };
  },

  addCommands() {
    return {
      setSocialLinks:
        ({ links, align }) =>
        ({ commands, editor }) => {
          const attrs = { links: cleanSocialLinks(links), align: allowedAlign(align) };
          if (editor.isActive(this.name)) return commands.updateAttributes(this.name, attrs);
          // After a selected block (an image just inserted), never in its place.
          const { selection } = editor.state;
          const node = { type: this.name, attrs };
          return selection instanceof NodeSelection ? commands.insertContentAt(selection.to, node) : commands.insertContent(node);
        },
    };
  },
});
