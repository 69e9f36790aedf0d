import { useState } from 'react';
import { listTemplates } from '../../api/messages';
import type { Channel, Template } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { SelectField } from '../../ui/SelectField';

interface StartFromTemplateProps {
  siteId: string;
  channel: Channel;
  /** Whether the composer holds something the template would replace. */
  hasDraft: boolean;
  onPick: (template: Template) => void;
}

/**
 * "Start from template" in a thread's composer: the saved templates of the thread's channel; one
 * picked fills the composer with its content — merge fields and magic links still in place, so
 * they resolve for this contact when it is sent, like every send.
 */
export function StartFromTemplate({ siteId, channel, hasDraft, onPick }: StartFromTemplateProps) {
  const templates = useResource(() => listTemplates(siteId), [siteId]);
  const [value, setValue] = useState('');
  const choices = (templates.state.data ?? []).filter((template) => template.channel === channel);

  const pick = (id: string) => {
    const template = choices.find((candidate) => candidate.id === id);
    if (!template) return;
    if (hasDraft && !window.confirm(`Replace what you wrote with “${template.name}”?`)) {
      setValue('');
      return;
    }
    onPick(template);
    setValue('');
  };

  if (templates.state.status === 'ready' && choices.length === 0) {
    return <p className="field-hint">No saved {channel === 'email' ? 'email' : 'SMS'} templates yet: save one under Templates to start from it here.</p>;
  }
  return (
    <div className="start-from-template">
      <SelectField
        label="Start from template"
        value={value}
        onChange={pick}
        disabled={templates.state.status !== 'ready'}
        error={templates.state.status === 'error' ? `Templates could not be loaded: ${templates.state.error}` : undefined}
      >
        <option value="">{templates.state.status === 'loading' ? 'Loading templates…' : `Choose a saved ${channel === 'email' ? 'email' : 'SMS'}…`}</option>
        {choices.map((template) => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
