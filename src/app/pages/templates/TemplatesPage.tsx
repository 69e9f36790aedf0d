import { listTemplates } from '../../api/messages';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/Link';
import { useSite } from '../../session/SiteContext';
import { CHANNELS, CHANNEL_INFO } from '../../../template/channel';
import { ChannelBadge } from '../../ui/ChannelBadge';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../ui/States';

export function TemplatesPage() {
  const { site } = useSite();
  const templates = useResource(() => listTemplates(site.id), [site.id]);
  const { state } = templates;
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
                    <ChannelBadge channel={template.channel} />
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
