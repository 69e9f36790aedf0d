import { useState } from 'react';
import { createOffer, updateOffer } from '../../api/offers';
import type { ContentItem, Offer } from '../../api/types';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { ContentChecklist } from './ContentChecklist';
import { NewContentForm } from './NewContentForm';
import { DialogActions } from '../../ui/DialogActions';

const FIELDS = ['title', 'description', 'itemIds'] as const;

interface OfferDialogProps {
  siteId: string;
  offer: Offer | null;
  content: ContentItem[];
  onClose: () => void;
  onSaved: (offer: Offer, content: ContentItem[]) => void;
}

/** Create or edit an offer; a course or community it needs can be created on the spot. */
export function OfferDialog({ siteId, offer, content: initialContent, onClose, onSaved }: OfferDialogProps) {
  const [title, setTitle] = useState(offer?.title ?? '');
  const [description, setDescription] = useState(offer?.description ?? '');
  const [affiliates, setAffiliates] = useState(offer?.includesAffiliates ?? false);
  const [itemIds, setItemIds] = useState<string[]>(() => (offer ? [...offer.courses, ...offer.communities].map((item) => item.id) : []));
  const [content, setContent] = useState(initialContent);
  const { errors, busy, onSubmit } = useFormSubmit(FIELDS);

  const toggle = (id: string) => setItemIds((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));
  const created = (item: ContentItem) => {
    setContent((items) => [...items, item]);
    setItemIds((ids) => [...ids, item.id]);
  };

  const submit = onSubmit(async () => {
    const input = { title, description, includesAffiliates: affiliates, itemIds };
    onSaved(offer ? await updateOffer(siteId, offer.id, input) : await createOffer(siteId, input), content);
  });

  return (
    <Dialog title={offer ? `Edit ${offer.title}` : 'New offer'} open onClose={onClose} size="large">
      <form id="offer-form" onSubmit={submit} noValidate>
        <TextField label="Offer title" value={title} onChange={setTitle} error={errors.fields.title} required autoFocus />
        <TextField label="Description" value={description} onChange={setDescription} error={errors.fields.description} hint="Optional." />
        <ContentChecklist kind="course" legend="Courses" items={content} checked={itemIds} onToggle={toggle} />
        <ContentChecklist kind="community" legend="Communities" items={content} checked={itemIds} onToggle={toggle} />
        <label className="checkbox">
          <input type="checkbox" checked={affiliates} onChange={(event) => setAffiliates(event.target.checked)} />
          Opens the affiliate portal
        </label>
        {errors.fields.itemIds && <p className="field-error">{errors.fields.itemIds}</p>}
      </form>
      <NewContentForm siteId={siteId} onCreated={created} />
      <FormError message={errors.general} />
      <DialogActions onCancel={onClose} busy={busy} form="offer-form" label={offer ? 'Save offer' : 'Create offer'} />
    </Dialog>
  );
}
