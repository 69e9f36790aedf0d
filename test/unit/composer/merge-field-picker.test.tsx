// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bodyEditor, editorOf, focusEnd, literal, nodesOfType, renderComposer, screen, waitFor } from './composer-harness';

describe('the {{ field picker', () => {
  it('opens on {{, filters as you type, and Enter inserts a mergeField with the chosen key', async () => {
    const { user, latest } = renderComposer({ channel: 'email' });
    const body = bodyEditor();
    await user.click(body);
    await user.keyboard(literal('Hi {{'));

    const list = await screen.findByRole('listbox', { name: 'Insert field' });
    expect(screen.getAllByRole('option').length).toBeGreaterThan(5);
    expect(list.id).toBe(body.getAttribute('aria-controls'));

    await user.keyboard('last');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    expect(screen.getByRole('option', { name: /Last name/ }).getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());

    const paragraph = latest().body.content?.[0];
    expect(paragraph?.content).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'mergeField', attrs: { key: 'contact.last_name', fallback: null } },
    ]);
    expect(body.textContent).toBe('Hi Last name');
  });
});
