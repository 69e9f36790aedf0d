/** Every node and mark the template package understands; validation treats the rest as unknown. */
import * as tagMarks from './marks/tag-marks';
import { highlight, textColor } from './marks/color-marks';
import { link } from './marks/link';
import { createSerializer, type SerializerRegistry } from './serializer';
import { blockquote } from './nodes/blockquote';
import { column, columns } from './nodes/columns';
import { button } from './nodes/button';
import { codeBlock } from './nodes/code-block';
import { footer } from './nodes/footer';
import { hardBreak } from './nodes/hard-break';
import { heading } from './nodes/heading';
import { horizontalRule } from './nodes/horizontal-rule';
import { image } from './nodes/image';
import { bulletList, orderedList } from './nodes/list';
import { listItem } from './nodes/list-item';
import { mergeField } from './nodes/merge-field';
import { paragraph } from './nodes/paragraph';
import { spacer } from './nodes/spacer';
import { showIf } from './nodes/show-if';
import { socialLinks } from './nodes/social-links';
import { text } from './nodes/text';
import { unlockedItems } from './nodes/unlocked-items';

export const SERIALIZERS: SerializerRegistry = {
  nodes: {
    paragraph,
    text,
    heading,
    bulletList,
    orderedList,
    listItem,
    blockquote,
    codeBlock,
    horizontalRule,
    hardBreak,
    image,
    button,
    mergeField,
    spacer,
    columns, column,
    footer,
    showIf,
    unlockedItems,
    socialLinks,
  },
  marks: { ...tagMarks, link, textColor, highlight },
};

export const serializer = createSerializer(SERIALIZERS);
