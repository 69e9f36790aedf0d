/**
 * The stored message document: Tiptap/ProseMirror JSON. This module only describes its shape;
 * what each node means for an email or an SMS lives in `nodes/` and `marks/`.
 */

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
}

export interface EmailContent {
  /** Plain text; may contain custom values such as `{{contact.first_name | default: "there"}}`. */
  subject: string;
  /** Plain text shown by inboxes after the subject; may contain custom values. */
  previewText: string;
  /** A `doc` node. */
  body: DocNode;
}

export interface SmsContent {
  /** A `doc` node holding paragraphs of text, hard breaks, merge fields and links. */
  body: DocNode;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDocMark(value: unknown): value is DocMark {
  return (
    isPlainObject(value) &&
    typeof value.type === 'string' &&
    (value.attrs === undefined || isPlainObject(value.attrs))
  );
}

/**
 * Structural guard for a whole tree. Iterative on purpose: stored JSON comes from outside, and a
 * maliciously deep tree must not overflow the stack of the process that checks it.
 */
export function isDocNode(value: unknown): value is DocNode {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isPlainObject(node) || typeof node.type !== 'string') return false;
    if (node.attrs !== undefined && !isPlainObject(node.attrs)) return false;
    if (node.text !== undefined && typeof node.text !== 'string') return false;
    if (node.marks !== undefined && !(Array.isArray(node.marks) && node.marks.every(isDocMark))) {
      return false;
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return false;
      for (const child of node.content) pending.push(child);
    }
  }
  return true;
}

/** A string attribute, or '' when it is missing or not a string (stored JSON is not trusted). */
export function stringAttr(holder: DocNode | DocMark, name: string): string {
  const value = holder.attrs?.[name];
  return typeof value === 'string' ? value : '';
}

export function childrenOf(node: DocNode): DocNode[] {
  return Array.isArray(node.content) ? node.content : [];
}

/** A node's text, or '' when it has none. */
export function textOf(node: DocNode): string {
  return typeof node.text === 'string' ? node.text : '';
}
