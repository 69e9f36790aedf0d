/**
 * The one tree walker. Each node type and mark type brings its own small serializer (`nodes/`,
 * `marks/`); this file only decides how children are visited: blocks one after another, inline
 * content with marks opened and closed around runs (as ProseMirror's DOMSerializer does).
 */
import { childrenOf, type DocMark, type DocNode } from './document';
import type { TextTemplate } from './slots';
import { concatAll, type Fragment } from './template-fragments';

export interface EmailStyle {
  brandColor: string;
  fontFamily: string;
}

export interface HtmlContext {
  style: EmailStyle;
  /** The children of a container (doc, blockquote, list item) as HTML blocks. */
  blocks(node: DocNode): TextTemplate;
  /** The inline children of a textblock (paragraph, heading) with their marks. */
  inline(node: DocNode): TextTemplate;
  /**
   * The children of the document, or of a block standing in for it at column level (Show if…), as
   * MJML column elements: consecutive HTML blocks share one `mj-text`; nodes with their own MJML
   * component (button, image, divider) close it and stand on their own. One element a line.
   */
  columnElements(node: DocNode): TextTemplate;
}

/** Column children sit eight spaces deep in the compiled MJML. */
export const COLUMN_INDENT = '        ';

export interface TextContext {
  /** `text` for the plain-text part of an email, `sms` for an SMS body. */
  slotContext: 'text' | 'sms';
  /** The text of each child block, in order (empty ones included: the parent decides). */
  blocks(node: DocNode): TextTemplate[];
  inline(node: DocNode): TextTemplate;
}

export interface NodeSerializer {
  /** HTML: inside `mj-text` for blocks, inside a textblock for inline nodes. */
  html(node: DocNode, ctx: HtmlContext): Fragment;
  /**
   * For nodes MJML has its own component for (button, image, divider): the column-level element
   * used when the node sits directly in the document. Nested ones fall back to `html`.
   */
  mjml?(node: DocNode, ctx: HtmlContext): Fragment;
  /**
   * For nodes that are a row of columns of their own (MJML allows no section inside a column): the
   * containers whose blocks fill each `mj-column`. Only honoured at the top level of the document.
   */
  sectionColumns?(node: DocNode): DocNode[];
  text(node: DocNode, ctx: TextContext): Fragment;
}

export interface MarkSerializer {
  open(mark: DocMark, ctx: HtmlContext): Fragment;
  close: string;
  /** Marks that change plain text (links: `label: URL`) render the whole run of content they cover. */
  text?(mark: DocMark, label: TextTemplate, ctx: TextContext): Fragment;
}

export interface SerializerRegistry {
  nodes: Readonly<Record<string, NodeSerializer>>;
  marks: Readonly<Record<string, MarkSerializer>>;
}

function marksOf(node: DocNode): DocMark[] {
  return Array.isArray(node.marks) ? node.marks : [];
}

function sameMark(a: DocMark | undefined, b: DocMark): boolean {
  return a !== undefined && a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});
}

/** Splits inline content into runs: consecutive nodes under the same `markOf` share a run. */
function runsOf(nodes: DocNode[], markOf: (node: DocNode) => DocMark | undefined) {
  const runs: Array<{ mark: DocMark | undefined; nodes: DocNode[] }> = [];
  for (const node of nodes) {
    const mark = markOf(node);
    const last = runs.at(-1);
    if (last && mark && sameMark(last.mark, mark)) last.nodes.push(node);
    else runs.push({ mark, nodes: [node] });
  }
  return runs;
}

/** Unknown nodes (validation reports them) keep their children, never their own wrapper. */
const UNKNOWN_NODE: NodeSerializer = {
  html: (node, ctx) => ctx.blocks(node),
  text: (node, ctx) => concatAll(ctx.blocks(node)),
};

export function createSerializer(registry: SerializerRegistry) {
  const nodeSerializer = (node: DocNode): NodeSerializer =>
    Object.hasOwn(registry.nodes, node.type) ? registry.nodes[node.type] : UNKNOWN_NODE;
  const markSerializer = (mark: DocMark): MarkSerializer | undefined =>
    Object.hasOwn(registry.marks, mark.type) ? registry.marks[mark.type] : undefined;

  function htmlContext(style: EmailStyle): HtmlContext {
    const ctx: HtmlContext = {
      style,
      blocks: (node) => concatAll(childrenOf(node).map((child) => nodeSerializer(child).html(child, ctx))),
      inline(node) {
        const out: Fragment[] = [];
        const open: DocMark[] = [];
        const closeFrom = (depth: number) => {
          while (open.length > depth) out.push(markSerializer(open.pop()!)?.close ?? '');
        };
        for (const child of childrenOf(node)) {
          const marks = marksOf(child);
          let kept = 0;
          while (kept < open.length && kept < marks.length && sameMark(open[kept], marks[kept])) kept++;
          closeFrom(kept);
          for (const mark of marks.slice(kept)) {
            open.push(mark);
            out.push(markSerializer(mark)?.open(mark, ctx) ?? '');
          }
          out.push(nodeSerializer(child).html(child, ctx));
        }
        closeFrom(0);
        return concatAll(out);
      },
      columnElements(node) {
        const elements: Fragment[] = [];
        let textBlocks: Fragment[] = [];
        const closeText = () => {
          if (textBlocks.length === 0) return;
          elements.push(`${COLUMN_INDENT}<mj-text>\n`, ...textBlocks, `${COLUMN_INDENT}</mj-text>\n`);
          textBlocks = [];
        };
        for (const child of childrenOf(node)) {
          const childSerializer = nodeSerializer(child);
          if (childSerializer.mjml) {
            closeText();
            elements.push(COLUMN_INDENT, childSerializer.mjml(child, ctx), '\n');
          } else {
            textBlocks.push(`${COLUMN_INDENT}  `, childSerializer.html(child, ctx), '\n');
          }
        }
        closeText();
        return concatAll(elements);
      },
    };
    return ctx;
  }

  function textContext(slotContext: 'text' | 'sms'): TextContext {
    const textChangingMark = (node: DocNode) => marksOf(node).find((mark) => markSerializer(mark)?.text);
    const ctx: TextContext = {
      slotContext,
      blocks: (node) => childrenOf(node).map((child) => concatAll([nodeSerializer(child).text(child, ctx)])),
      inline: (node) =>
        concatAll(
          runsOf(childrenOf(node), textChangingMark).map(({ mark, nodes }) => {
            const label = concatAll(nodes.map((child) => nodeSerializer(child).text(child, ctx)));
            const text = mark && markSerializer(mark)?.text;
            return text ? text(mark, label, ctx) : label;
          }),
        ),
    };
    return ctx;
  }

  return { htmlContext, textContext, nodeSerializer };
}
