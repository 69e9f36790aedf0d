import type { NodeSerializer } from '../serializer';

const RULE_COLOR = '#e4e7eb';

export const horizontalRule: NodeSerializer = {
  html: () => `<hr style="border:none;border-top:1px solid ${RULE_COLOR};margin:0 0 16px" />`,
  mjml: () => `<mj-divider border-width="1px" border-color="${RULE_COLOR}" />`,
  text: () => '---',
};
