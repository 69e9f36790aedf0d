import { type Ref } from 'react';
import type { ComposerIssue, ComposerValue } from 'memberlink/composer';
import { createTemplate, updateTemplate } from '../../api/messages';
import type { Channel, Template } from '../../api/types';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { CHANNEL_INFO } from '../../../template/channel';
import { ChannelBadge } from '../../ui/ChannelBadge';
import { FormError } from '../../ui/FormError';
import { formatClockTime } from '../../ui/format';
import { TextField } from '../../ui/TextField';
import { contentIssues, contentIssuesSummary } from './content-issues';

const FIELDS = ['name'] as const;

interface TemplateSaveBarProps {
  /** The save form, so Ctrl/Cmd+S can submit it exactly as the Save button does. */
  formRef?: Ref<HTMLFormElement>;
  siteId: string;
  channel: Channel;
  saved: Template | null;
  name: string;
  onName: (name: string) => void;
  value: ComposerValue;
  dirty: boolean;
  /** When the unsaved changes were last kept as a draft on the server. */
  draftSavedAt?: string | null;
  onSaved: (template: Template) => void;
  /** What a refused save found in the message, for the composer to show beside each field and block. */
  onIssues?: (issues: ComposerIssue[]) => void;
}

/** The template's name and Save; the server checks custom values and names the one it refuses. */
export function TemplateSaveBar({ formRef, siteId, channel, saved, name, onName, value, dirty, draftSavedAt = null, onSaved, onIssues }: TemplateSaveBarProps) {
  useDocumentTitle(saved ? saved.name : `New ${CHANNEL_INFO[channel].noun}`);
  const { errors, busy, onSubmit } = useFormSubmit(FIELDS);

  const submit = onSubmit(async () => {
    let template: Template;
    try {
      template = saved ? await updateTemplate(siteId, saved.id, { name, content: value }) : await createTemplate(siteId, { name, channel, content: value });
    } catch (error) {
      const issues = contentIssues(error);
      onIssues?.(issues);
      // The details stand beside each field and block; the bar says where to look.
      throw issues.length ? new Error(contentIssuesSummary(issues.length)) : error;
    }
    onIssues?.([]);
    onSaved(template);
  });

  return (
    <form ref={formRef} className="card save-bar" onSubmit={submit} noValidate aria-label="Template">
      <div className="save-bar-row">
        <h1 className="visually-hidden">{saved ? saved.name : 'New template'}</h1>
        <TextField label="Template name" value={name} onChange={onName} error={errors.fields.name} className="grow" />
        <div className="save-bar-status">
          <ChannelBadge channel={channel} />
          <span className="muted small" role="status">
            {dirty ? `Unsaved changes${draftSavedAt ? ` · draft kept ${formatClockTime(draftSavedAt)}` : ''}` : saved ? `Saved · version ${saved.version}` : ''}
          </span>
          <button type="submit" className="button button--primary" disabled={busy || (!dirty && saved !== null)}>
            {busy ? 'Saving…' : 'Save template'}
          </button>
        </div>
      </div>
      <FormError message={errors.general} />
      {saved && saved.warnings.length > 0 && !dirty && (
        <ul className="notice notice--warn" aria-label="Warnings">
          {saved.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
