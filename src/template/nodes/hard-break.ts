import type { NodeSerializer } from '../serializer';

export const hardBreak: NodeSerializer = {
  html: () => '<br />',
  text: () => '\n',
};
