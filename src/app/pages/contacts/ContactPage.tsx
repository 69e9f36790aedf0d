import { useState } from 'react';
import { deleteContact, getContact } from '../../api/contacts';
import { useResource } from '../../hooks/use-resource';
import { navigate } from '../../router/history';
import { Link } from '../../router/Link';
import { useSite } from '../../session/SiteContext';
import { Badge } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { contactName } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, Loading } from '../../ui/States';
import { AccessCard } from './AccessCard';
import { ContactFormDialog } from './ContactFormDialog';
import { ContactLinksCard } from './ContactLinksCard';
import { LinkInspectorCard } from './LinkInspectorCard';

/** One contact: details, offers (grant / revoke), links and redemptions, and the link inspector. */
export function ContactPage({ contactId }: { contactId: string }) {
  const { site } = useSite();
  const contact = useResource(() => getContact(site.id, contactId), [site.id, contactId]);
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const [linksVersion, setLinksVersion] = useState(0);
  const { state } = contact;

  if (!state.data) {
    return (
      <>
        <p className="breadcrumb">
          <Link to="/contacts">← Contacts</Link>
        </p>
        {state.status === 'error' ? <ErrorState message={state.error} onRetry={contact.reload} /> : <Loading />}
      </>
    );
  }
  const data = state.data;
  const name = contactName(data);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/contacts">← Contacts</Link>
      </p>
      <PageHeader
        title={name}
        description={
          <>
            {[data.email, data.phone].filter(Boolean).join(' · ')} {data.unsubscribed && <Badge tone="warn">Unsubscribed</Badge>}
          </>
        }
        actions={
          <>
            <button type="button" className="button" onClick={() => setDialog('edit')}>
              Edit
            </button>
            <button type="button" className="button button--danger-outline" onClick={() => setDialog('delete')}>
              Delete
            </button>
          </>
        }
      />
      <div className="columns">
        <div className="stack">
          <AccessCard siteId={site.id} contact={data} onChanged={contact.reload} />
          <LinkInspectorCard siteId={site.id} />
        </div>
        <ContactLinksCard key={linksVersion} siteId={site.id} contactId={data.id} name={name} onRevoked={() => setLinksVersion((n) => n + 1)} />
      </div>
      {dialog === 'edit' && (
        <ContactFormDialog
          siteId={site.id}
          contact={data}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            contact.reload();
          }}
        />
      )}
      <ConfirmDialog
        title={`Delete ${name}?`}
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        confirmLabel="Delete contact"
        onConfirm={async () => {
          await deleteContact(site.id, data.id);
          navigate('/contacts');
        }}
      >
        <p>Their offers and links go with them. Links already sent stop working. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
