// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerValue } from '../../../src/composer';
import { emptyEmail, emptySms, literal, nodesOfType } from './composer-harness';

describe('two composers on one page', () => {
  it('keep separate documents, pickers and menus', async () => {
    const onEmailChange = vi.fn<(value: ComposerValue) => void>();
    const onSmsChange = vi.fn<(value: ComposerValue) => void>();
    render(
      <>
        <section aria-label="first">
          <Composer channel="email" value={emptyEmail()} onChange={onEmailChange} />
        </section>
        <section aria-label="second">
          <Composer channel="sms" value={emptySms()} onChange={onSmsChange} />
        </section>
      </>,
    );
    const first = within(screen.getByRole('region', { name: 'first' }));
    const second = within(screen.getByRole('region', { name: 'second' }));
    const user = userEvent.setup();

    await user.click(first.getByRole('textbox', { name: 'Email body' }));
    await user.keyboard(literal('Hello {{'));
    expect(await first.findByRole('listbox', { name: 'Insert field' })).toBeTruthy();
    expect(second.queryByRole('listbox')).toBeNull();
    await user.keyboard('{Enter}');
    const emailChanges = onEmailChange.mock.calls.length;
    expect(onSmsChange).not.toHaveBeenCalled();

    await user.click(second.getByRole('textbox', { name: 'SMS message' }));
    await user.keyboard('Text');
    await user.click(second.getByRole('button', { name: 'Magic link' }));
    expect(second.getByRole('dialog', { name: 'Magic link' })).toBeTruthy();
    expect(first.queryByRole('dialog', { name: 'Magic link' })).toBeNull();

    const email = onEmailChange.mock.lastCall?.[0];
    const sms = onSmsChange.mock.lastCall?.[0];
    expect(email && nodesOfType(email.body, 'mergeField')).toHaveLength(1);
    expect(email && nodesOfType(email.body, 'text').map((node) => node.text)).toEqual(['Hello ']);
    expect(sms && nodesOfType(sms.body, 'text').map((node) => node.text)).toEqual(['Text']);
    expect(sms && nodesOfType(sms.body, 'mergeField')).toHaveLength(0);
    expect(onEmailChange).toHaveBeenCalledTimes(emailChanges);
    expect(second.getByText('4 characters · 1 segment (GSM-7)')).toBeTruthy();
  });
});
