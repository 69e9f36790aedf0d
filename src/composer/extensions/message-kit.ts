import { Blockquote } from '@tiptap/extension-blockquote';
import { Bold } from '@tiptap/extension-bold';
import { Code } from '@tiptap/extension-code';
import { CodeBlock } from '@tiptap/extension-code-block';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading, type Level } from '@tiptap/extension-heading';
import { HorizontalRule } from '@tiptap/extension-horizontal-rule';
import { Italic } from '@tiptap/extension-italic';
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Strike } from '@tiptap/extension-strike';
import { Text } from '@tiptap/extension-text';
import { Underline } from '@tiptap/extension-underline';
import { Dropcursor, Gapcursor, TrailingNode, UndoRedo } from '@tiptap/extensions';
import type { Extensions } from '@tiptap/react';

/**
 * StarterKit's extensions, picked one by one. StarterKit itself imports Tiptap's Link, and with it
 * linkify (~11 kB gzipped), even when configured with `link: false`; our MagicLink is the link mark.
 */
export interface MessageKitOptions {
  /** Formatting, lists, headings, code, quotes, dividers: the email body. Off: plain text. */
  rich?: { headingLevels: Level[] };
  /** Off for the single-line editor, whose document is its own. */
  document?: boolean;
  hardBreak?: boolean;
}

export function messageKit({ rich, document = true, hardBreak = true }: MessageKitOptions = {}): Extensions {
  return [
    ...(rich ? [Bold, Blockquote, BulletList, Code, CodeBlock] : []),
    ...(document ? [Document] : []),
    ...(rich ? [Dropcursor, Gapcursor] : []),
    ...(hardBreak ? [HardBreak] : []),
    ...(rich ? [Heading.configure({ levels: rich.headingLevels })] : []),
    UndoRedo,
    ...(rich ? [HorizontalRule, Italic, ListItem, ListKeymap, OrderedList] : []),
    Paragraph,
    ...(rich ? [Strike] : []),
    Text,
    ...(rich ? [Underline, TrailingNode] : []),
  ];
}
