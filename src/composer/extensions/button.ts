import { Node } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { isAllowedLinkHref } from '../magic-link/link-href';
import { DEFAULT_BUTTON, sanitizeButtonAttributes, type ButtonAttributes } from './button-attributes';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    button: {
      insertButton: (attributes: Partial<ButtonAttributes>) => ReturnType;
      /** Changes the selected button; invalid values (unsafe href, non-hex colour) are ignored. */
      updateButton: (changes: Partial<ButtonAttributes>) => ReturnType;
    };
  }
}

function buttonStyle({ backgroundColor, textColor, fullWidth }: ButtonAttributes): string {
  return `background-color: ${backgroundColor}; color: ${textColor}; display: ${fullWidth ? 'block' : 'inline-block'}`;
}

function readButtonElement(element: HTMLElement): Partial<Record<keyof ButtonAttributes, unknown>> {
  const anchor = element.querySelector('a');
  return {
    href: anchor?.getAttribute('href') ?? '',
    label: anchor?.textContent ?? '',
    align: element.getAttribute('data-align'),
    backgroundColor: element.getAttribute('data-background-color'),
    textColor: element.getAttribute('data-text-color'),
    fullWidth: element.getAttribute('data-full-width') === 'true',
  };
}

/**
 * A call-to-action button: one block atom holding its label, address and look. The compiler turns it
 * into an `mj-button`; here it is edited through the bubble menu, never by typing inside it.
 */
export const Button = Node.create({
  name: 'button',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    // Attributes are written and read as a whole by renderHTML / parseHTML below, not one HTML attribute each.
    const attribute = <K extends keyof ButtonAttributes>(name: K) => ({ default: DEFAULT_BUTTON[name], rendered: false });
    return {
      href: attribute('href'),
      label: attribute('label'),
      align: attribute('align'),
      backgroundColor: attribute('backgroundColor'),
      textColor: attribute('textColor'),
      fullWidth: attribute('fullWidth'),
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-button]', getAttrs: (element) => ({ ...DEFAULT_BUTTON, ...sanitizeButtonAttributes(readButtonElement(element)) }) }];
  },

  renderHTML({ node }) {
    const attrs = node.attrs as ButtonAttributes;
    return [
      'div',
      {
        'data-button': '',
        'data-align': attrs.align,
        'data-background-color': attrs.backgroundColor,
        'data-text-color': attrs.textColor,
        'data-full-width': String(attrs.fullWidth),
        style: `text-align: ${attrs.align}`,
      },
      // Same protection as the link mark: an address that slipped past the commands is written empty.
      ['a', { href: isAllowedLinkHref(attrs.href) ? attrs.href : '', style: buttonStyle(attrs) }, attrs.label],
    ];
  },

  // In the editor the button is drawn without an href, so clicking it selects it instead of navigating.
  addNodeView() {
    return ({ node: initialNode }) => {
      const dom = document.createElement('div');
      dom.className = 'ml-button-block';
      const face = document.createElement('span');
      face.className = 'ml-button';
      dom.append(face);

      const draw = (node: ProseMirrorNode) => {
        const attrs = node.attrs as ButtonAttributes;
        dom.style.textAlign = attrs.align;
        face.setAttribute('style', buttonStyle(attrs));
        face.textContent = attrs.label || 'Button';
        face.classList.toggle('ml-button--no-link', !attrs.href);
        face.title = attrs.href ? `Links to ${attrs.href}` : 'This button has no link yet';
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
      insertButton:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { ...DEFAULT_BUTTON, ...sanitizeButtonAttributes(attributes) } }),
      updateButton:
        (changes) =>
        ({ commands, editor }) =>
          editor.isActive(this.name) && commands.updateAttributes(this.name, sanitizeButtonAttributes(changes)),
    };
  },
});
