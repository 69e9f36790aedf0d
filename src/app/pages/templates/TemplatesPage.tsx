import { listTemplates } from '../../api/messages';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/Link';
import { useSite } from '../../session/SiteContext';
import { Badge } from '../../ui/Badge';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../ui/States';

export function TemplatesPage() {
  const { site } = useSite();
  const templates = useResource(() => listTemplates(site.id), [site.id]);
  const { state } = templates;
  const actions = (
    <>
      <Link to="/templates/new?channel=sms" className="button">
        New SMS
      </Link>
      <Link to="/templates/new?channel=email" className="button button--primary">
        New email
      </Link>
    </>
  );

  return (
    <>
      <PageHeader title="Templates" description="Emails and SMS with merge fields and magic links, sent to contacts, an offer's holders or everyone." actions={actions} />
      {state.status === 'error' && <ErrorState message={state.error} onRetry={templates.reload} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data &&
        (state.data.length === 0 ? (
          <EmptyState title="No templates yet" action={actions}>
            Write your first message: a welcome email with a magic link that logs members straight into their courses.
          </EmptyState>
        ) : (
          <ul className="card-list" aria-label="Templates">
            {state.data.map((template) => (
              <li key={template.id}>
                <Link to={`/templates/${template.id}`} className="card card--link">
                  <span className="card-header">
                    <strong>{template.name}</strong>
                    <Badge tone={template.channel === 'email' ? 'info' : 'good'}>{template.channel === 'email' ? 'Email' : 'SMS'}</Badge>
                  </span>
                  <span className="muted small">
                    Version {template.version} · updated {formatDateTime(template.updatedAt)}
                    {template.linkKeys.length > 0 && ` · ${template.linkKeys.length} magic link${template.linkKeys.length === 1 ? '' : 's'}`}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
