import { useState } from 'react';
import { createContent } from '../../api/offers';
import type { ContentItem, ContentKind } from '../../api/types';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { FormError } from '../../ui/FormError';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';

const FIELDS = ['title', 'kind'] as const;

/** Creates a course or community without leaving the offer; the new item is ticked for the offer. */
export function NewContentForm({ siteId, onCreated }: { siteId: string; onCreated: (item: ContentItem) => void }) {
  const [kind, setKind] = useState<ContentKind>('course');
  const [title, setTitle] = useState('');
  const { errors, busy, onSubmit } = useFormSubmit(FIELDS);

  const submit = onSubmit(async () => {
    onCreated(await createContent(siteId, kind, title));
    setTitle('');
  });

  return (
    <form className="inline-create" onSubmit={submit} noValidate aria-label="Add a course or community">
      <p className="field-label">Add a course or community</p>
      <div className="inline-create-row">
        <SelectField label="Kind" value={kind} onChange={(value) => setKind(value as ContentKind)} error={errors.fields.kind}>
          <option value="course">Course</option>
          <option value="community">Community</option>
        </SelectField>
        <TextField label="New item title" value={title} onChange={setTitle} error={errors.fields.title} />
        <button type="submit" className="button" disabled={busy || !title.trim()}>
          {busy ? 'Adding…' : `Add ${kind}`}
        </button>
      </div>
      <FormError message={errors.general} />
    </form>
  );
}
