import { useState } from 'react';
import { deleteTemplate, duplicateTemplate, listTemplates } from '../../api/messages';
import { messageOf } from '../../api/client';
import type { Template } from '../../api/types';
import { useDebounced } from '../../hooks/use-debounced';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/Link';
import { usePermissions } from '../../session/Permissions';
import { useSite } from '../../session/SiteContext';
import { Badge } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CHANNELS, CHANNEL_INFO } from '../../../template/channel';
import { ChannelBadge } from '../../ui/ChannelBadge';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../ui/States';

export function TemplatesPage() {
  const { site } = useSite();
  const mayEdit = usePermissions().can('templates.write');
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 250);
  const templates = useResource(() => listTemplates(site.id, { search: term || undefined }), [site.id, term]);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const { state } = templates;

  const duplicate = async (template: Template) => {
    setActionError(null);
    try {
      await duplicateTemplate(site.id, template.id);
      templates.reload();
    } catch (error) {
      setActionError(messageOf(error));
    }
  };

  const actions = (
    <>
      {/* One per channel, the first channel's last: the primary button sits at the end. */}
      {[...CHANNELS].reverse().map((channel) => (
        <Link key={channel} to={`/templates/new?channel=${channel}`} className={channel === CHANNELS[0] ? 'button button--primary' : 'button'}>
          New {CHANNEL_INFO[channel].noun}
        </Link>
      ))}
    </>
  );

  return (
    <>
      <PageHeader title="Templates" description="Emails and SMS with merge fields and magic links, sent to contacts, an offer's holders or everyone." actions={actions} />
      {(term || (state.data?.length ?? 0) > 0) && (
        <div className="toolbar-row">
          <label className="search">
            <span className="visually-hidden">Search templates</span>
            <input className="input" type="search" placeholder="Search by name" value={search} onChange={(event) => setSearch(event.target.value)} />
          </label>
          {state.data && (
            <span className="muted" role="status">
              {state.data.length} template{state.data.length === 1 ? '' : 's'}
            </span>
          )}
        </div>
      )}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      {state.status === 'error' && <ErrorState message={state.error} onRetry={templates.reload} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data &&
        (state.data.length === 0 ? (
          term ? (
            <EmptyState title={`No template is called “${term}”`}>Try part of the name, or clear the search.</EmptyState>
          ) : (
            <EmptyState title="No templates yet" action={actions}>
              Write your first message: a welcome email with a magic link that logs members straight into their courses.
            </EmptyState>
          )
        ) : (
          <ul className="card-list" aria-label="Templates">
            {state.data.map((template) => (
              <li key={template.id} className="card template-card">
                <Link to={`/templates/${template.id}`} className="template-card-main">
                  <span className="card-header">
                    <strong>{template.name}</strong>
                    <ChannelBadge channel={template.channel} />
                  </span>
                  <span className="muted small">
                    Version {template.version} · updated {formatDateTime(template.updatedAt)}
                    {template.linkKeys.length > 0 && ` · ${template.linkKeys.length} magic link${template.linkKeys.length === 1 ? '' : 's'}`}
                  </span>
                </Link>
                {mayEdit && (
                  <span className="template-card-actions">
                    <button type="button" className="button button--small" onClick={() => void duplicate(template)} aria-label={`Duplicate ${template.name}`}>
                      Duplicate
                    </button>
                    <button type="button" className="button button--small button--danger-outline" onClick={() => setDeleting(template)} aria-label={`Delete ${template.name}`}>
                      Delete
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        ))}
      <ConfirmDialog
        title={`Delete “${deleting?.name ?? ''}”?`}
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        confirmLabel="Delete template"
        onConfirm={async () => {
          await deleteTemplate(site.id, deleting!.id);
          templates.reload();
        }}
      >
        The template goes for good. Messages already sent from it stay in their history; a workflow that sends it must stop using it first.
      </ConfirmDialog>
    </>
  );
}
