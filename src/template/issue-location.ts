/**
 * Where in the composer a validation issue belongs, from its path (`subject`,
 * `body.content[2].content[0].marks[0].attrs.href`): the subject or preview text field, or the body
 * with the chain of `content[i]` indices down to the node concerned. The composer walks those
 * indices to the deepest block it can mark, so no path ever reaches the screen.
 */
export type IssueLocation =
  | { part: 'subject' | 'previewText' }
  | { part: 'body'; indices: number[] }
  /** The message as a whole (an unknown top-level field, no content at all). */
  | { part: 'message' };

const CONTENT_INDEX = /^content\[(\d+)\]$/;

export function issueLocation(path: string): IssueLocation {
  const [head, ...rest] = path.split('.');
  if ((head === 'subject' || head === 'previewText') && rest.length === 0) return { part: head };
  if (head !== 'body') return { part: 'message' };
  const indices: number[] = [];
  for (const segment of rest) {
    const index = CONTENT_INDEX.exec(segment);
    if (!index) break;
    indices.push(Number(index[1]));
  }
  return { part: 'body', indices };
}
