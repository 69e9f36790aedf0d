// @vitest-environment jsdom
// The README's "Embedding the composer" example through the package's public entry (without siteId: no server here).
import { useState } from 'react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Composer, DEFAULT_CATALOG, extendCatalog, type ComposerValue } from 'memberlink/composer';
import { screen } from './composer-harness';

const EMPTY: ComposerValue = { subject: '', previewText: '', body: { type: 'doc', content: [{ type: 'paragraph' }] } };
const CATALOG = extendCatalog(DEFAULT_CATALOG, [{ key: 'plan', label: 'Plan', sample: 'Gold' }]);

function NewsletterEditor() {
  const [value, setValue] = useState<ComposerValue>(EMPTY);
  return (
    <Composer
      value={value}
      onChange={setValue}
      channel="email"
      catalog={CATALOG}
      destinations={[{ value: 'courses/42', label: 'Piano basics' }]}
      labels={{ subject: 'Betreff', emailBody: 'Nachricht' }}
    />
  );
}

describe('the README embedding example', () => {
  it('renders with the translated labels and the extended catalog', async () => {
    render(<NewsletterEditor />);
    expect(screen.getByRole('textbox', { name: 'Betreff' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Nachricht' })).toBeTruthy();
    screen.getByRole('button', { name: 'Insert field' }).click();
    expect(await screen.findByRole('button', { name: /^Plan/ })).toBeTruthy();
  });
});
