// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderComposer, screen } from './composer-harness';

const toolbarButtons = () => [...screen.getByRole('toolbar', { name: 'Formatting' }).querySelectorAll<HTMLButtonElement>('button')];

describe('the toolbar icons', () => {
  it('gives every button an icon hidden from assistive technology, its name kept in aria-label', () => {
    renderComposer({ channel: 'email' });
    const buttons = toolbarButtons();
    expect(buttons.length).toBeGreaterThan(15);
    for (const button of buttons) {
      const icon = button.querySelector('svg');
      expect(icon, button.getAttribute('aria-label') ?? '').not.toBeNull();
      expect(icon!.getAttribute('aria-hidden')).toBe('true');
      // No visible text besides the icon: the name is the label alone.
      expect(button.textContent).toBe('');
    }
    for (const name of ['Bold', 'Italic', 'Heading 1', 'Bulleted list', 'Divider', 'Space', '2 columns', 'Image', 'Social links', 'Insert field', 'Magic link', 'Link', 'Show if…', 'For each unlocked…']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });

  it('names the shortcut in the tooltip where there is one, and the action alone elsewhere', () => {
    renderComposer({ channel: 'email' });
    expect(screen.getByRole('button', { name: 'Italic' }).title).toBe('Italic (Ctrl+I)');
    expect(screen.getByRole('button', { name: 'Undo' }).title).toBe('Undo (Ctrl+Z)');
    expect(screen.getByRole('button', { name: 'Heading 1' }).title).toBe('Heading 1 (Ctrl+Alt+1)');
    expect(screen.getByRole('button', { name: 'Image' }).title).toBe('Image');
    expect(screen.getByRole('button', { name: 'Magic link' }).title).toBe('Magic link');
  });

  it('gives the SMS toolbar icons too', () => {
    renderComposer({ channel: 'sms' });
    for (const button of toolbarButtons()) expect(button.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  });
});
