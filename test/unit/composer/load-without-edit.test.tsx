// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { WELCOME_EMAIL } from '../../support/doc-nodes';
import { renderComposer, screen, waitFor } from './composer-harness';


/** A message opened in the composer is reported back only once someone edits it (issue #14: a template opened from the API showed "Unsaved changes"). */
describe('opening a message', () => {
  it('reports no change until the person edits, then reports the edit', async () => {
    const { changes, user } = renderComposer({ channel: 'email', initialValue: WELCOME_EMAIL });
    const body = screen.getByRole('textbox', { name: 'Email body' });
    // The editor settles (issue decorations, a trailing paragraph after the last button) and is focused.
    await user.click(body);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toEqual([]);
    await user.keyboard('Hi');
    await waitFor(() => expect(changes.length).toBeGreaterThan(0));
    expect(JSON.stringify(changes.at(-1)!.body)).toContain('Hi');
  });
});
