import { useEffect, useRef, useState, type RefObject } from 'react';
import { Composer, type ComposerIssue, type ComposerValue, type OfferOption } from 'memberlink/composer';
import { catalogForContext, DEFAULT_CATALOG } from '../../../template';
import { CHANNELS, CHANNEL_INFO, channelNamed } from '../../../template/channel';
import { discardTemplateDraft, draftKeyOf, getTemplate, getTemplateDraft, type TemplateDraft } from '../../api/messages';
import { listContent, listOffers } from '../../api/offers';
import type { Channel, Template } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { replaceAddress, searchParam, useLocation } from '../../router/history';
import { Link } from '../../router/Link';
import { useLeaveGuard } from '../../router/leave-guard';
import { useSite } from '../../session/SiteContext';
import { ErrorState, Loading } from '../../ui/States';
import { emptyContent } from './empty-content';
import { DraftRestoredBar } from './DraftRestoredBar';
import { SendHistory } from './SendHistory';
import { SendPanel } from './SendPanel';
import { TemplateSaveBar } from './TemplateSaveBar';
import { useComposerHost } from './use-composer-host';
import { useDraftAutosave } from './use-draft-autosave';

const CATALOG = catalogForContext(DEFAULT_CATALOG, 'broadcast');

/** Loads the template (or starts a new one), the site's courses and communities for magic links, and its offers for Show if…. */
export function TemplateEditorPage({ templateId }: { templateId: string | null }) {
  const { site } = useSite();
  const location = useLocation();
  const channel: Channel = channelNamed(searchParam(location, 'channel')) ?? CHANNELS[0];
  const data = useResource(async () => {
    const [template, content, offers, draft] = await Promise.all([
      templateId ? getTemplate(site.id, templateId) : Promise.resolve(null),
      listContent(site.id),
      listOffers(site.id),
      // A draft is a convenience: if it can't be read, the template still opens.
      getTemplateDraft(site.id, draftKeyOf(templateId, channel)).catch(() => null),
    ]);
    return { template, content, offers: offers.map(({ id, title }) => ({ id, title })), draft };
  }, [site.id, templateId, channel]);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/templates">← Templates</Link>
      </p>
      {data.state.status === 'error' && <ErrorState message={data.state.error} onRetry={data.reload} />}
      {!data.state.data && data.state.status === 'loading' && <Loading />}
      {data.state.data && (
        <TemplateEditor
          template={data.state.data.template}
          draft={data.state.data.draft}
          channel={data.state.data.template?.channel ?? channel}
          content={data.state.data.content}
          offers={data.state.data.offers}
        />
      )}
    </>
  );
}

interface TemplateEditorProps {
  template: Template | null;
  /** The staff member's autosaved work on it, opened instead of the saved content. */
  draft: TemplateDraft | null;
  channel: Channel;
  content: Awaited<ReturnType<typeof listContent>>;
  /** For Show if… "holds an offer". */
  offers: OfferOption[];
}

function TemplateEditor({ template, draft, channel, content, offers }: TemplateEditorProps) {
  const { site } = useSite();
  const untitled = `Untitled ${CHANNEL_INFO[channel].noun}`;
  const [saved, setSaved] = useState<Template | null>(template);
  const [restored, setRestored] = useState<TemplateDraft | null>(draft);
  const [name, setName] = useState(draft?.name ?? template?.name ?? untitled);
  const [value, setValue] = useState<ComposerValue>(() => ((draft ?? template)?.content as ComposerValue | undefined) ?? emptyContent(channel));
  const [dirty, setDirty] = useState(template === null || draft !== null);
  // A new template can be saved as it is (dirty), but only edits (or a restored draft) are worth a leave prompt.
  const [edited, setEdited] = useState(draft !== null);
  const [sendsMade, setSendsMade] = useState(0);
  const [issues, setIssues] = useState<ComposerIssue[]>([]);
  const host = useComposerHost(site, channel, content);
  const form = useRef<HTMLFormElement>(null);
  const draftKey = draftKeyOf(saved?.id ?? null, channel);
  const autosave = useDraftAutosave(site.id, draftKey, { name, channel, content: value }, edited);
  useLeaveGuard(edited ? 'This template has unsaved changes. Leave without saving?' : null);
  useSaveShortcut(form);

  const discardDraft = async () => {
    await autosave.settle();
    await discardTemplateDraft(site.id, draftKey);
    setName(saved?.name ?? untitled);
    setValue((saved?.content as ComposerValue | undefined) ?? emptyContent(channel));
    setDirty(saved === null);
    setEdited(false);
    setRestored(null);
  };

  const change = (next: ComposerValue) => {
    setValue(next);
    setDirty(true);
    setEdited(true);
  };

  return (
    <div className="stack">
      {restored && <DraftRestoredBar draft={restored} templateSavedAt={saved?.updatedAt ?? null} onDiscard={discardDraft} />}
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
        draftSavedAt={edited && !autosave.failed ? autosave.savedAt : null}
        onIssues={setIssues}
        onSaved={(template) => {
          setSaved(template);
          setDirty(false);
          setEdited(false);
          setRestored(null);
          // The server deleted the draft with the save; one write still in flight could bring it back.
          void autosave.settle().then(() => discardTemplateDraft(site.id, draftKey).catch(() => undefined));
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
          offers={offers}
          siteHost={host.siteHost}
          onPreview={host.onPreview}
          searchContacts={host.searchContacts}
          onUploadImage={host.onUploadImage}
          issues={issues}
        />
      </section>
      <SendPanel siteId={site.id} template={saved} dirty={dirty} onSent={() => setSendsMade((n) => n + 1)} />
      {saved && <SendHistory siteId={site.id} templateId={saved.id} refreshKey={sendsMade} />}
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
