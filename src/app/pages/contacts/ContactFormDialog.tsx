import { useState } from 'react';
import { createContact, updateContact } from '../../api/contacts';
import type { Contact } from '../../api/types';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { DialogActions } from '../../ui/DialogActions';

const FIELDS = ['firstName', 'lastName', 'email', 'phone'] as const;

interface ContactFormDialogProps {
  siteId: string;
  contact: Contact | null;
  onClose: () => void;
  onSaved: (contact: Contact) => void;
}

/** Create or edit a contact's name, email and phone; the API's errors appear next to their fields. */
export function ContactFormDialog({ siteId, contact, onClose, onSaved }: ContactFormDialogProps) {
  const [firstName, setFirstName] = useState(contact?.firstName ?? '');
  const [lastName, setLastName] = useState(contact?.lastName ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [unsubscribed, setUnsubscribed] = useState(contact?.unsubscribed ?? false);
  const { errors, busy, onSubmit } = useFormSubmit(FIELDS);

  const submit = onSubmit(async () => {
    const input = { firstName: firstName.trim(), lastName: lastName.trim(), email: email.trim() || null, phone: phone.trim() || null };
    const saved = contact ? await updateContact(siteId, contact.id, { ...input, unsubscribed }) : await createContact(siteId, input);
    onSaved(saved);
  });

  return (
    <Dialog title={contact ? 'Edit contact' : 'New contact'} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="grid-2">
          <TextField label="First name" value={firstName} onChange={setFirstName} error={errors.fields.firstName} autoFocus />
          <TextField label="Last name" value={lastName} onChange={setLastName} error={errors.fields.lastName} />
        </div>
        <TextField label="Email" type="email" value={email} onChange={setEmail} error={errors.fields.email} hint="An email or a phone number is required." />
        <TextField label="Phone" type="tel" value={phone} onChange={setPhone} error={errors.fields.phone} hint="International format, e.g. +14155550101." />
        {contact && (
          <label className="checkbox">
            <input type="checkbox" checked={unsubscribed} onChange={(event) => setUnsubscribed(event.target.checked)} />
            Unsubscribed from messages
          </label>
        )}
        <FormError message={errors.general} />
        <DialogActions onCancel={onClose} busy={busy} label={contact ? 'Save contact' : 'Create contact'} />
      </form>
    </Dialog>
  );
}
