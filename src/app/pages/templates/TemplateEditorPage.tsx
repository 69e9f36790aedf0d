import { useEffect, useRef, useState, type RefObject } from 'react';
import { Composer, type ComposerValue } from 'memberlink/composer';
import { catalogForContext, DEFAULT_CATALOG } from '../../../template';
import { getTemplate } from '../../api/messages';
import { listContent } from '../../api/offers';
import type { Channel, Template } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { replaceAddress, searchParam, useLocation } from '../../router/history';
import { Link } from '../../router/Link';
import { useLeaveGuard } from '../../router/leave-guard';
import { useSite } from '../../session/SiteContext';
import { ErrorState, Loading } from '../../ui/States';
import { emptyContent } from './empty-content';
import { SendPanel } from './SendPanel';
import { TemplateSaveBar } from './TemplateSaveBar';
import { useComposerHost } from './use-composer-host';

const CATALOG = catalogForContext(DEFAULT_CATALOG, 'broadcast');

/** Loads the template (or starts a new one) and the site's courses and communities for magic links. */
export function TemplateEditorPage({ templateId }: { templateId: string | null }) {
  const { site } = useSite();
  const location = useLocation();
  const channel: Channel = searchParam(location, 'channel') === 'sms' ? 'sms' : 'email';
  const data = useResource(async () => {
    const [template, content] = await Promise.all([templateId ? getTemplate(site.id, templateId) : Promise.resolve(null), listContent(site.id)]);
    return { template, content };
  }, [site.id, templateId]);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/templates">← Templates</Link>
      </p>
      {data.state.status === 'error' && <ErrorState message={data.state.error} onRetry={data.reload} />}
      {!data.state.data && data.state.status === 'loading' && <Loading />}
      {data.state.data && <TemplateEditor template={data.state.data.template} channel={data.state.data.template?.channel ?? channel} content={data.state.data.content} />}
    </>
  );
}

interface TemplateEditorProps {
  template: Template | null;
  channel: Channel;
  content: Awaited<ReturnType<typeof listContent>>;
}

function TemplateEditor({ template, channel, content }: TemplateEditorProps) {
  const { site } = useSite();
  const [saved, setSaved] = useState<Template | null>(template);
  const [name, setName] = useState(template?.name ?? (channel === 'email' ? 'Untitled email' : 'Untitled SMS'));
  const [value, setValue] = useState<ComposerValue>(() => (template?.content as ComposerValue | undefined) ?? emptyContent(channel));
  const [dirty, setDirty] = useState(template === null);
  // A new template can be saved as it is (dirty), but only edits are worth a leave prompt.
  const [edited, setEdited] = useState(false);
  const host = useComposerHost(site, channel, content);
  const form = useRef<HTMLFormElement>(null);
  useLeaveGuard(edited ? 'This template has unsaved changes. Leave without saving?' : null);
  useSaveShortcut(form);

  const change = (next: ComposerValue) => {
    setValue(next);
    setDirty(true);
    setEdited(true);
  };

  return (
    <div className="stack">
      <TemplateSaveBar
        formRef={form}
        siteId={site.id}
        channel={channel}
        saved={saved}
        name={name}
        onName={(next) => {
          setName(next);
          setDirty(true);
          setEdited(true);
        }}
        value={value}
        dirty={dirty}
        onSaved={(template) => {
          setSaved(template);
          setDirty(false);
          setEdited(false);
          replaceAddress(`/templates/${template.id}`);
        }}
      />
      <section className="card composer-card" aria-label="Message">
        <Composer
          value={value}
          onChange={change}
          channel={channel}
          catalog={CATALOG}
          destinations={host.destinations}
          siteHost={host.siteHost}
          onPreview={host.onPreview}
          searchContacts={host.searchContacts}
        />
      </section>
      <SendPanel siteId={site.id} template={saved} dirty={dirty} />
    </div>
  );
}

/** Ctrl+S / Cmd+S saves the template (the same submit as the Save button), not the web page. */
function useSaveShortcut(form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 's' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      form.current?.requestSubmit();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [form]);
}
