import { useId, useState } from 'react';
import { useChannel, useComposerConfig } from '../store/hooks';
import { BlockMenu } from './blocks/BlockMenu';
import { BodyEditor } from './body/BodyEditor';
import { classNames } from './class-names';
import { EmailHeaderFields } from './fields/EmailHeaderFields';
import { FieldPicker } from './merge-field/FieldPicker';
import { PreviewPane } from './preview/PreviewPane';
import { SmsCounter } from './sms/SmsCounter';

/** Header fields (email), body, SMS counter and preview, laid out for the channel and size. */
export function ComposerLayout() {
  const channel = useChannel();
  const { compact, onPreview, labels } = useComposerConfig();
  const hasPreview = onPreview !== undefined;
  // Compact composers sit in a conversation thread: the preview waits behind a toggle.
  const [previewOpen, setPreviewOpen] = useState(!compact);
  const previewId = useId();

  return (
    <div className={classNames('ml-composer', compact && 'ml-composer--compact')} data-channel={channel}>
      <div className="ml-composer-main">
        {channel === 'email' && <EmailHeaderFields />}
        {/* Keyed by channel: a Tiptap schema cannot change under a live editor. */}
        <BodyEditor key={channel} channel={channel} />
        {channel === 'sms' && <SmsCounter />}
        {hasPreview && compact && (
          <button
            type="button"
            className="ml-link-button"
            aria-expanded={previewOpen}
            aria-controls={previewId}
            onClick={() => setPreviewOpen((open) => !open)}
          >
            {previewOpen ? labels.hidePreview : labels.showPreview}
          </button>
        )}
      </div>
      {hasPreview && previewOpen && (
        <div className="ml-composer-preview" id={previewId}>
          <PreviewPane />
        </div>
      )}
      <FieldPicker />
      {channel === 'email' && <BlockMenu />}
    </div>
  );
}
