import { useState } from 'react';
import { createApiKey, deleteApiKey, listApiKeys } from '../../api/staff';
import type { ApiKeySummary, CreatedApiKey } from '../../api/types';
import type { Role } from '../../../contract/permissions.ts';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useResource } from '../../hooks/use-resource';
import { useSite } from '../../session/SiteContext';
import { usePermissions } from '../../session/Permissions';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyButton } from '../../ui/CopyButton';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { TextField } from '../../ui/TextField';
import { RoleSelect } from './RoleSelect';

const FIELDS = ['name', 'role'] as const;

/** API keys of the site, each with a role; a new key is shown once (admins and owners). */
export function ApiKeysPage() {
  const { site } = useSite();
  const { can } = usePermissions();
  const data = useResource(() => listApiKeys(site.id), [site.id]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [deleting, setDeleting] = useState<ApiKeySummary | null>(null);
  const { errors, busy, onSubmit } = useFormSubmit(FIELDS);

  if (!can('apiKeys.manage')) return <EmptyState title="API keys">Only admins and owners manage API keys.</EmptyState>;
  const keys = data.state.data ?? [];

  const submit = onSubmit(async () => {
    const key = await createApiKey(site.id, { name: name.trim(), role });
    setCreated(key);
    setName('');
    data.reload();
  });

  return (
    <>
      <PageHeader title="API keys" description="Keys for integrations. Each key acts with its role; the key is shown once, when created." />
      <form className="card" onSubmit={submit} noValidate aria-label="New API key">
        <div className="grid-2">
          <TextField label="Name" value={name} onChange={setName} error={errors.fields.name} hint="What uses it, e.g. Zapier." />
          <RoleSelect label="Role" value={role} onChange={setRole} error={errors.fields.role} />
        </div>
        <FormError message={errors.general} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
      {created && (
        <div className="card" role="status">
          <p>
            <strong>{created.name}</strong>: copy this key now; it will not be shown again.
          </p>
          <code className="secret">{created.key}</code> <CopyButton text={created.key} what="API key" />
        </div>
      )}
      {data.state.status === 'error' && <ErrorState message={data.state.error} onRetry={data.reload} />}
      {data.state.status === 'loading' && !data.state.data && <Loading />}
      {data.state.data && (
        <ul className="card-list staff-list" aria-label="API keys">
          {keys.map((key) => (
            <li key={key.id} className="card staff-card">
              <div className="staff-who">
                <strong>{key.name}</strong>
                <span className="muted">
                  {key.prefix}… · {key.role}
                </span>
              </div>
              <button type="button" className="button button--danger button--small" onClick={() => setDeleting(key)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        title="Delete API key"
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        confirmLabel="Delete key"
        onConfirm={async () => {
          await deleteApiKey(site.id, deleting!.id);
          data.set(keys.filter((k) => k.id !== deleting!.id));
        }}
      >
        {deleting?.name} stops working at once.
      </ConfirmDialog>
    </>
  );
}
