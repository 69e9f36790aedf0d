import { useId, useState } from 'react';
import { listTemplateSends, sendMessage, type SendInput } from '../../api/messages';
import { useSite } from '../../session/SiteContext';
import { listOffers } from '../../api/offers';
import type { Contact, MessageSummary, Recipients, Template } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField } from '../../ui/SelectField';
import { contactName, formatDuration } from '../../ui/format';
import { defaultFormLabel, describeLinkPolicy, FORM_CHOICES, linkPolicyOf, LIFETIME_CHOICES, USES_CHOICES, SITE_DEFAULT } from './send-link-policy';
import { ContactChooser } from './ContactChooser';
import { SendEstimateSummary } from './SendEstimateSummary';
import { SendProgress } from './SendProgress';
import { mergeSends, sendsToFollow } from './sends-to-follow';
import { TestSendDialog } from './TestSendDialog';

type Audience = 'contacts' | 'offer' | 'all';

interface SendPanelProps {
  siteId: string;
  /** The saved template; sending uses the saved version, so unsaved edits must be saved first. */
  template: Template | null;
  dirty: boolean;
  /** Told after each send, so the history can read it. */
  onSent?: () => void;
}

/** Send the saved template to chosen contacts, an offer's holders or everyone, then follow the send live. */
export function SendPanel({ siteId, template, dirty, onSent }: SendPanelProps) {
  const [audience, setAudience] = useState<Audience>('contacts');
  const [chosen, setChosen] = useState<Contact[]>([]);
  const [offerId, setOfferId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [sends, setSends] = useState<MessageSummary[]>([]);
  const [testing, setTesting] = useState(false);
  // A reload keeps what was in progress: running sends of this template, and the newest if recent.
  const templateId = template?.id ?? null;
  const restored = useResource(
    () => (templateId ? listTemplateSends(siteId, templateId, { limit: 10 }).then((page) => sendsToFollow(page.sends, new Date())) : Promise.resolve([])),
    [siteId, templateId],
  );
  const [lifetime, setLifetime] = useState(SITE_DEFAULT);
  const [uses, setUses] = useState(SITE_DEFAULT);
  const [form, setForm] = useState(SITE_DEFAULT);
  const { site } = useSite();
  const linkPolicy = linkPolicyOf(lifetime, uses, form);
  const offers = useResource(() => listOffers(siteId), [siteId]);
  const id = useId();

  const offerList = offers.state.data ?? [];
  const offer = offerList.find((candidate) => candidate.id === offerId) ?? offerList[0];
  const recipients: Recipients | null =
    audience === 'contacts' ? (chosen.length ? { contactIds: chosen.map((c) => c.id) } : null) : audience === 'offer' ? (offer ? { offerId: offer.id } : null) : { all: true };
  const audienceText =
    audience === 'contacts'
      ? chosen.length === 1
        ? contactName(chosen[0])
        : `${chosen.length} contacts`
      : audience === 'offer'
        ? `everyone holding “${offer?.title ?? ''}”`
        : 'every contact of the site';
  const blocked = !template ? 'Save the template to send it.' : dirty ? 'Save your changes first: sends use the saved version.' : !recipients ? 'Choose who receives it.' : null;

  const input: SendInput | null =
    template && recipients ? { templateId: template.id, channel: template.channel, recipients, ...(linkPolicy && { linkPolicy }) } : null;
  // Errors are shown by the confirm dialog, which stays open so the send can be retried.
  const send = async () => {
    const message = await sendMessage(siteId, input!);
    setSends((previous) => [message, ...previous]);
    onSent?.();
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Send</h2>
      <fieldset className="fieldset">
        <legend>Recipients</legend>
        <div className="segmented">
          {(
            [
              ['contacts', 'Chosen contacts'],
              ['offer', "An offer's holders"],
              ['all', 'Everyone'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input type="radio" name={`${id}-audience`} checked={audience === value} onChange={() => setAudience(value)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {audience === 'contacts' && <ContactChooser siteId={siteId} chosen={chosen} onChange={setChosen} />}
      {audience === 'offer' &&
        (offerList.length ? (
          <SelectField label="Offer" value={offer?.id ?? ''} onChange={setOfferId} hint="Contacts who hold it now.">
            {offerList.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="field-hint">{offers.state.status === 'loading' ? 'Loading offers…' : 'No offers yet.'}</p>
        ))}
      {audience === 'all' && <p className="field-hint">Contacts without the address, unsubscribed, or without an offer (for learner links) are skipped with a reason.</p>}
      <fieldset className="fieldset">
        <legend>Magic links in this send</legend>
        <div className="grid-2">
          <SelectField label="Links work for" value={lifetime} onChange={setLifetime}>
            <option value={SITE_DEFAULT}>Site default ({formatDuration(site.linkPolicy.learnerLinkTtlSeconds)})</option>
            {LIFETIME_CHOICES.map((seconds) => (
              <option key={seconds} value={String(seconds)}>
                {formatDuration(seconds)}
              </option>
            ))}
          </SelectField>
          <SelectField label="Each link logs in" value={uses} onChange={setUses}>
            <option value={SITE_DEFAULT}>Site default ({site.linkPolicy.maxUses === null ? 'any number of times' : site.linkPolicy.maxUses === 1 ? 'once' : `${site.linkPolicy.maxUses} times`})</option>
            {USES_CHOICES.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          {template && (
            <SelectField label="Links look like" value={form} onChange={setForm}>
              <option value={SITE_DEFAULT}>{defaultFormLabel(template.channel)}</option>
              {FORM_CHOICES.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
          )}
        </div>
      </fieldset>
      {template && template.warnings.length > 0 && (
        <ul className="notice notice--warn" aria-label="Before you send">
          {template.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        {blocked && <span className="muted small">{blocked}</span>}
        {template && (
          <button type="button" className="button" disabled={dirty} onClick={() => setTesting(true)} title={dirty ? 'Save your changes first: the test uses the saved version.' : undefined}>
            Send a test to me…
          </button>
        )}
        <button type="button" className="button button--primary" disabled={blocked !== null} onClick={() => setConfirming(true)}>
          Send…
        </button>
      </div>
      {mergeSends(sends, restored.state.data ?? []).map((message) => (
        <SendProgress key={message.id} siteId={siteId} initial={message} />
      ))}
      {template && <TestSendDialog siteId={siteId} template={template} open={testing} onClose={() => setTesting(false)} />}
      <ConfirmDialog
        title={`Send “${template?.name ?? ''}”?`}
        open={confirming}
        onClose={() => setConfirming(false)}
        confirmLabel="Send now"
        onConfirm={send}
      >
        {confirming && input && <SendEstimateSummary siteId={siteId} input={input} />}
        <p>
          It goes to <strong>{audienceText}</strong> right away. Each recipient gets their own magic links
          {linkPolicy ? `, which ${describeLinkPolicy(linkPolicy)}` : ''}. A send can't be recalled.
        </p>
      </ConfirmDialog>
    </section>
  );
}
