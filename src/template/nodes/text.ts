import { textOf } from '../document';
import type { NodeSerializer } from '../serializer';
import { htmlWithValues, plainWithValues } from '../value-fragments';

/** Literal text; custom values typed into it (`{{contact.first_name}}`) are filled like merge fields. */
export const text: NodeSerializer = {
  html: (node) => htmlWithValues(textOf(node)),
  text: (node, ctx) => plainWithValues(textOf(node), ctx.slotContext),
};
