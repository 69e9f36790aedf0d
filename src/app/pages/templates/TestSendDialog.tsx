import { useState } from 'react';
import { messageOf } from '../../api/client';
import { sendTestToMe } from '../../api/messages';
import type { Contact, Template } from '../../api/types';
import { Dialog } from '../../ui/Dialog';
import { contactName } from '../../ui/format';
import { ContactChooser } from './ContactChooser';

interface TestSendDialogProps {
  siteId: string;
  template: Template;
  open: boolean;
  onClose: () => void;
}

/**
 * "Send a test to me": the saved template resolved for one contact (or sample values), emailed to
 * the signed-in staff member with "[Test]" in the subject. Its links are previews: a staff member
 * never receives a member's live link.
 */
export function TestSendDialog({ siteId, template, open, onClose }: TestSendDialogProps) {
  const [contact, setContact] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  const close = () => {
    setError(null);
    setSent(null);
    onClose();
  };
  const send = async () => {
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const result = await sendTestToMe(siteId, { templateId: template.id, contactId: contact?.id ?? null });
      setSent(`Sent “${result.subject}” to ${result.to}.`);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Send a test to me" open={open} onClose={close}>
      <p>
        You get the {template.channel === 'sms' ? 'SMS text, by email,' : 'email'} as {contact ? contactName(contact) : 'a sample contact'} would, with “[Test]” in the subject.
        Its magic links are previews: they open a page saying so and log no one in.
      </p>
      <ContactChooser siteId={siteId} chosen={contact ? [contact] : []} onChange={(list) => setContact(list[list.length - 1] ?? null)} label="Resolve for contact" />
      {!contact && <p className="field-hint">No contact chosen: sample values fill the custom values.</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {sent && (
        <p className="save-note" role="status">
          {sent}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
        <button type="button" className="button button--primary" onClick={send} disabled={busy}>
          {busy ? 'Sending…' : 'Send test'}
        </button>
      </div>
    </Dialog>
  );
}
