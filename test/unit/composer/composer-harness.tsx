import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { afterEach } from 'vitest';
import { Composer, type ComposerProps, type ComposerValue } from '../../../src/composer';
import type { DocNode, EmailContent, SmsContent } from '../../../src/template';
import { nodesOfType } from '../../support/doc-nodes';
import { installDomLayoutPolyfills } from './dom-layout-polyfills';

installDomLayoutPolyfills();
// Testing Library unmounts automatically only with vitest globals, which this project does not enable.
afterEach(cleanup);

export const emptyDoc = (): DocNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });
export const emptyEmail = (): EmailContent => ({ subject: '', previewText: '', body: emptyDoc() });
export const emptySms = (): SmsContent => ({ body: emptyDoc() });
const oneLine = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
/** Something written, so the preview pane asks for a preview (a blank message shows its empty state). */
export const writtenEmail = (): EmailContent => ({ subject: 'Welcome', previewText: '', body: oneLine('Hello') });
export const writtenSms = (): SmsContent => ({ body: oneLine('Hello') });

type HarnessProps = Omit<ComposerProps, 'value' | 'onChange'> & { initialValue?: ComposerValue };

/**
 * Renders a Composer the way a host does: it keeps the value in state and passes every change back,
 * so the tests cover the round trip (the editor must not reset while its own output comes back).
 */
export function renderComposer({ initialValue, ...props }: HarnessProps) {
  const changes: ComposerValue[] = [];
  function Host() {
    const [value, setValue] = useState<ComposerValue>(initialValue ?? (props.channel === 'sms' ? emptySms() : emptyEmail()));
    return (
      <Composer
        {...props}
        value={value}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    );
  }
  const user = userEvent.setup();
  const utils = render(<Host />);
  return {
    ...utils,
    user,
    changes,
    /** The last value reported through onChange. */
    latest: () => {
      const last = changes.at(-1);
      if (!last) throw new Error('onChange was never called');
      return last;
    },
  };
}

/** The Tiptap editor behind a contenteditable (Tiptap hangs it on the element). */
export function editorOf(element: HTMLElement): Editor {
  const editor = (element as HTMLElement & { editor?: Editor }).editor;
  if (!editor) throw new Error('not a Tiptap editor element');
  return editor;
}

/** userEvent.type/keyboard treat `{` and `[` as key descriptors; double them to type them literally. */
export const literal = (text: string) => text.replace(/[{[]/g, '$&$&');

export { nodesOfType };

/** The text nodes carrying a mark of `markType`, depth first. */
export function textWithMark(doc: DocNode, markType: string): DocNode[] {
  return nodesOfType(doc, 'text').filter((node) => node.marks?.some((mark) => mark.type === markType));
}

export const bodyEditor = (name: 'Email body' | 'SMS message' = 'Email body') => screen.getByRole('textbox', { name });

export { screen, waitFor, act };
