import { issueLocation } from '../../template';
import type { ComposerIssue } from '../types';

export interface IssuesByPart {
  subject: string[];
  previewText: string[];
  /** Issues inside the body, by the `content[i]` chain to the node concerned. */
  blocks: Array<{ indices: number[]; message: string }>;
  /** Issues about the message as a whole (or the body as a whole): shown under the body. */
  message: string[];
}

/** Sorts the host's issues by where the composer shows them. */
export function issuesByPart(issues: readonly ComposerIssue[]): IssuesByPart {
  const parts: IssuesByPart = { subject: [], previewText: [], blocks: [], message: [] };
  for (const { path, message } of issues) {
    const location = issueLocation(path);
    if (location.part === 'body' && location.indices.length > 0) parts.blocks.push({ indices: location.indices, message });
    else if (location.part === 'subject' || location.part === 'previewText') parts[location.part].push(message);
    else parts.message.push(message);
  }
  return parts;
}
