import { useCallback, useId, useState, type FormEvent } from 'react';
import { Composer, type ComposerValue } from 'memberlink/composer';
import { catalogForContext, DEFAULT_CATALOG } from '../../../template';
import { CHANNELS, CHANNEL_INFO } from '../../../template/channel';
import { messageOf } from '../../api/client';
import { sendInThread } from '../../api/conversations';
import { listContent } from '../../api/offers';
import type { Channel, ContactWithAccess, Site } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { FormError } from '../../ui/FormError';
import { contactName } from '../../ui/format';
import { emptyContent } from '../templates/empty-content';
import { useComposerHost } from '../templates/use-composer-host';
import { StartFromTemplate } from './StartFromTemplate';

const CATALOG = catalogForContext(DEFAULT_CATALOG, 'broadcast');

interface ThreadComposerProps {
  site: Site;
  contact: ContactWithAccess;
  onSent: (messageId: string) => void;
}

/**
 * The compact composer under a thread: an email or SMS to this contact alone, with merge fields
 * and magic links resolved for them when it is sent. The preview shows it as they will get it.
 */
export function ThreadComposer({ site, contact, onSent }: ThreadComposerProps) {
  const content = useResource(() => listContent(site.id), [site.id]);
  const addressOn = (on: Channel) => contact[CHANNEL_INFO[on].addressField];
  // The first channel the contact can be reached on (the first channel when none).
  const [channel, setChannel] = useState<Channel>(() => CHANNELS.find(addressOn) ?? CHANNELS[0]);
  const [values, setValues] = useState(() => Object.fromEntries(CHANNELS.map((on) => [on, emptyContent(on)])) as Record<Channel, ComposerValue>);
  // Bumped when a template fills the composer, so the editor opens on the new content.
  const [filled, setFilled] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const host = useComposerHost(site, channel, content.state.data ?? []);
  const { onPreview } = host;
  // In a thread, "sample data" means this contact: the preview shows what they will receive.
  const previewAsContact = useCallback(
    (value: ComposerValue, contactId: string | null) => onPreview(value, contactId ?? contact.id),
    [onPreview, contact.id],
  );
  const id = useId();
  const name = contactName(contact);
  const address = addressOn(channel);
  const hasOffer = contact.access.some((grant) => grant.revokedAt === null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      const { messageId } = await sendInThread(site.id, contact.id, { channel, document: values[channel] });
      setValues((previous) => ({ ...previous, [channel]: emptyContent(channel) }));
      setNotice(`Sent to ${name}. It shows in the thread once delivered.`);
      onSent(messageId);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="thread-composer" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <div className="thread-composer-head">
        <h3 id={`${id}-heading`}>New message</h3>
        <div className="segmented" role="radiogroup" aria-label="Channel">
          {CHANNELS.map((value) => (
            <label key={value} className="radio">
              <input type="radio" name={`${id}-channel`} checked={channel === value} disabled={!addressOn(value)} onChange={() => setChannel(value)} />
              {CHANNEL_INFO[value].label}
            </label>
          ))}
        </div>
      </div>
      {!address && <p className="field-hint">{name} has no {CHANNEL_INFO[channel].addressName}: add one on their contact page.</p>}
      {!hasOffer && <p className="field-hint">{name} holds no active offer: a message with a member-site magic link to them is skipped.</p>}
      {content.state.status === 'error' && <FormError message={`Courses and communities could not be loaded: ${content.state.error}`} />}
      <StartFromTemplate
        siteId={site.id}
        channel={channel}
        hasDraft={JSON.stringify(values[channel]) !== JSON.stringify(emptyContent(channel))}
        onPick={(template) => {
          setValues((previous) => ({ ...previous, [channel]: template.content as unknown as ComposerValue }));
          setFilled((n) => n + 1);
          setNotice(`Started from “${template.name}”: its custom values and links are filled in for ${name} when you send.`);
        }}
      />
      <div className="thread-composer-editor">
        <Composer
          key={`${channel}-${filled}`}
          compact
          value={values[channel]}
          onChange={(value) => setValues((previous) => ({ ...previous, [channel]: value }))}
          channel={channel}
          catalog={CATALOG}
          destinations={host.destinations}
          siteHost={host.siteHost}
          onPreview={previewAsContact}
          searchContacts={host.searchContacts}
        />
      </div>
      <FormError message={error} />
      <div className="form-actions">
        {notice && (
          <span className="save-note small" role="status">
            {notice}
          </span>
        )}
        <button type="submit" className="button button--primary" disabled={busy || !address}>
          {busy ? 'Sending…' : `Send ${CHANNEL_INFO[channel].noun}`}
        </button>
      </div>
    </form>
  );
}
