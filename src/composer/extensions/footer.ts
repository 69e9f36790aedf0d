import { Node } from '@tiptap/react';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footer: {
      insertFooter: () => ReturnType;
    };
  }
}

/**
 * The email's footer: the site's name and postal address and the recipient's unsubscribe link, all
 * filled per send from Site Details. Nothing to edit inside, so it is an atom drawn as what it will say.
 */
export const Footer = Node.create({
  name: 'footer',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  parseHTML: () => [{ tag: 'div[data-footer]' }],

  renderHTML: () => [
    'div',
    { 'data-footer': '', class: 'ml-footer', title: 'Filled from Site Details when the email is sent' },
    ['p', {}, 'Site title'],
    ['p', {}, 'Postal address'],
    ['p', {}, ['span', { class: 'ml-footer-link' }, 'Unsubscribe']],
  ],

  addCommands() {
    return {
      insertFooter:
        () =>
        ({ commands }) =>
          commands.insertContent({ type: this.name }),
    };
  },
});
