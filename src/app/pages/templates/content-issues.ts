import type { ComposerIssue } from 'memberlink/composer';
import { ApiError } from '../../api/client';

/**
 * The problems a refused save found in the message, with paths relative to the composer's value
 * (`content.body.content[2].attrs.src` → `body.content[2].attrs.src`), for the composer to show
 * beside each field and block. Empty for any other error.
 */
export function contentIssues(error: unknown, field = 'content'): ComposerIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'invalid_template') return [];
  const issues = error.issues.length ? error.issues : error.field ? [{ field: error.field, message: error.message }] : [];
  return issues.flatMap((issue) => {
    if (issue.field === field) return [{ path: '', message: issue.message }];
    return issue.field.startsWith(`${field}.`) ? [{ path: issue.field.slice(field.length + 1), message: issue.message }] : [];
  });
}

/** The one line the save bar shows: where to look, not what the path was. */
export function contentIssuesSummary(count: number): string {
  return count === 1
    ? 'This template can’t be saved yet: fix the problem marked in the message below.'
    : `This template can’t be saved yet: fix the ${count} problems marked in the message below.`;
}
