// @vitest-environment jsdom
/**
 * A refused save in the template editor: the composer shows each issue beside its field or block,
 * the save bar says where to look, and no path reaches the screen. The answer is the server's own:
 * its validation (assertValidContent) and its error body shape, served through a stubbed fetch.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerIssue, type ComposerValue } from '../../../src/composer';
import { TemplateSaveBar } from '../../../src/app/pages/templates/TemplateSaveBar';
import { DEFAULT_CATALOG, type EmailContent } from '../../../src/template';
import { assertValidContent } from '../../../server/templates/template-content.ts';
import { ApiError as ServerApiError } from '../../../server/http/api-error.ts';
import { installDomLayoutPolyfills } from '../composer/dom-layout-polyfills';

installDomLayoutPolyfills();
afterEach(cleanup);

/** What POST /templates answers: the server's check of the posted content, as its error handler writes it. */
function serverAnswer(body: { channel: 'email'; content: unknown }): Response {
  try {
    assertValidContent(body.channel, body.content, DEFAULT_CATALOG, 'content');
  } catch (error) {
    if (!(error instanceof ServerApiError)) throw error;
    const payload = { error: { code: error.code, message: error.message, field: error.field, ...error.details } };
    return new Response(JSON.stringify(payload), { status: error.status, headers: { 'content-type': 'application/json' } });
  }
  throw new Error('the test content should be refused');
}

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => serverAnswer(JSON.parse(String(init.body)))));
});
afterEach(() => vi.unstubAllGlobals());

const content: EmailContent = {
  subject: '',
  previewText: '',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Our new logo:' }] },
      { type: 'image', attrs: { src: 'ftp://files.example/logo.png', alt: 'Logo' } },
    ],
  },
};

/** The editor page's wiring of the two: the save bar reports the issues, the composer shows them. */
function Editor() {
  const [value, setValue] = useState<ComposerValue>(content);
  const [issues, setIssues] = useState<ComposerIssue[]>([]);
  return (
    <>
      <TemplateSaveBar siteId="academy" channel="email" saved={null} name="Logo news" onName={() => {}} value={value} dirty onSaved={() => {}} onIssues={setIssues} />
      <Composer channel="email" value={value} onChange={setValue} issues={issues} />
    </>
  );
}

describe('saving a template the server refuses', () => {
  it('shows each problem beside its field or block in plain words, and the bar says where to look', async () => {
    render(<Editor />);
    await act(async () => userEvent.setup().click(screen.getByRole('button', { name: 'Save template' })));

    expect(await screen.findByText('This template can’t be saved yet: fix the 2 problems marked in the message below.')).toBeTruthy();
    expect(screen.getByText('Add a subject').closest('.ml-field')?.textContent).toContain('Subject');
    const image = screen.getByRole('textbox', { name: 'Email body' }).querySelector('.ml-image-block');
    await waitFor(() => expect(image?.nextElementSibling?.textContent).toBe('This image needs an https address (https://…)'));
    expect(document.body.textContent).not.toMatch(/content\.|body\.|attrs\.|\[\d+\]/);
  });
});
