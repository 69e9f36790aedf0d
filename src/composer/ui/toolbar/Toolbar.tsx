import type { Editor } from '@tiptap/react';
import type { KeyboardEvent } from 'react';
import { useComposerConfig } from '../../store/hooks';
import type { Channel } from '../../types';
import { ALIGN_ACTIONS } from './align-actions';
import { ColorMenus } from './ColorMenu';
import { BLOCK_ACTIONS, HISTORY_ACTIONS, INSERT_ACTIONS, MARK_ACTIONS } from './formatting-actions';
import { FormattingButtons } from './FormattingButtons';
import { ImageMenu } from './ImageMenu';
import { InsertFieldMenu } from './InsertFieldMenu';
import { LinkMenu } from './LinkMenu';
import { MagicLinkMenu } from './MagicLinkMenu';
import { MembershipBlockMenus } from './MembershipBlockMenus';
import { SocialLinksMenu } from './SocialLinksMenu';

const Separator = () => <span className="ml-toolbar-separator" role="separator" aria-orientation="vertical" />;

// Arrow keys move between the toolbar's own buttons (not into an open menu panel's fields).
function moveFocusWithArrows(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>(':scope > button, :scope > .ml-menu > button')].filter(
    (button) => !button.disabled,
  );
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  event.preventDefault();
  buttons[(index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length].focus();
}

/**
 * The tools for a channel. SMS has no formatting, so it gets history, link, fields and magic links.
 * Compact (a conversation thread) keeps the inline tools and drops the block-level ones.
 */
export function Toolbar({ editor, channel }: { editor: Editor; channel: Channel }) {
  const { compact } = useComposerConfig();
  const isEmail = channel === 'email';

  return (
    <div className="ml-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={moveFocusWithArrows}>
      <FormattingButtons editor={editor} actions={HISTORY_ACTIONS} />
      <Separator />
      {isEmail && <FormattingButtons editor={editor} actions={MARK_ACTIONS} />}
      {isEmail && <ColorMenus editor={editor} />}
      {isEmail && !compact && <FormattingButtons editor={editor} actions={BLOCK_ACTIONS} />}
      {isEmail && !compact && <FormattingButtons editor={editor} actions={ALIGN_ACTIONS} />}
      {isEmail && <Separator />}
      <LinkMenu editor={editor} />
      <InsertFieldMenu editor={editor} />
      <MagicLinkMenu editor={editor} channel={channel} />
      {isEmail && !compact && (
        <>
          <Separator />
          <FormattingButtons editor={editor} actions={INSERT_ACTIONS} />
          <ImageMenu editor={editor} />
          <SocialLinksMenu editor={editor} />
          <MembershipBlockMenus editor={editor} />
        </>
      )}
    </div>
  );
}
