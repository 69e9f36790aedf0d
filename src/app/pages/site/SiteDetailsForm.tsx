import { useState } from 'react';
import { updateSite } from '../../api/sites';
import type { Site } from '../../api/types';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { formatDuration } from '../../ui/format';
import { usePermissions } from '../../session/Permissions';

const FIELDS = [
  'title',
  'subdomain',
  'supportEmail',
  'supportPhone',
  'postalAddress',
  'linkPolicy.learnerLinkTtlSeconds',
  'linkPolicy.userLinkTtlSeconds',
  'linkPolicy.maxUses',
] as const;

interface Draft {
  title: string;
  subdomain: string;
  supportEmail: string;
  supportPhone: string;
  postalAddress: string;
  learnerMinutes: string;
  userMinutes: string;
  maxUses: string;
}

const draftOf = (site: Site): Draft => ({
  title: site.title,
  subdomain: site.subdomain ?? '',
  supportEmail: site.supportEmail ?? '',
  supportPhone: site.supportPhone ?? '',
  postalAddress: site.postalAddress ?? '',
  learnerMinutes: String(site.linkPolicy.learnerLinkTtlSeconds / 60),
  userMinutes: String(site.linkPolicy.userLinkTtlSeconds / 60),
  maxUses: site.linkPolicy.maxUses === null ? '' : String(site.linkPolicy.maxUses),
});

const seconds = (minutes: string) => Math.round(Number(minutes) * 60);

/** Title, subdomain, support email and phone, and the link policy; errors appear next to their fields. */
export function SiteDetailsForm({ site, onSaved }: { site: Site; onSaved: (site: Site) => void }) {
  const [draft, setDraft] = useState(() => draftOf(site));
  const mayEdit = usePermissions().can('site.write');
  const [saved, setSaved] = useState(false);
  const { errors, clearField, busy, onSubmit } = useFormSubmit(FIELDS);

  const edit = (key: keyof Draft, field: (typeof FIELDS)[number]) => (value: string) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    clearField(field);
    setSaved(false);
  };

  const submit = onSubmit(async () => {
    const updated = await updateSite(site.id, {
      title: draft.title,
      subdomain: draft.subdomain.trim().toLowerCase() || null,
      supportEmail: draft.supportEmail.trim() || null,
      supportPhone: draft.supportPhone.trim() || null,
      postalAddress: draft.postalAddress.trim() || null,
      linkPolicy: {
        learnerLinkTtlSeconds: seconds(draft.learnerMinutes),
        userLinkTtlSeconds: seconds(draft.userMinutes),
        maxUses: draft.maxUses.trim() === '' ? null : Number(draft.maxUses),
      },
    });
    setDraft(draftOf(updated));
    setSaved(true);
    onSaved(updated);
  });

  const e = errors.fields;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="site-details-heading">
      <h2 id="site-details-heading">Shown to members</h2>
      <div className="grid-2">
        <TextField label="Site title" value={draft.title} onChange={edit('title', 'title')} error={e.title} required />
        <TextField
          label="Subdomain"
          value={draft.subdomain}
          onChange={edit('subdomain', 'subdomain')}
          error={e.subdomain}
          hint={draft.subdomain ? `Members log in at ${draft.subdomain}.${window.location.host}` : 'Lower-case letters, digits and dashes.'}
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          label="Support email"
          type="email"
          value={draft.supportEmail}
          onChange={edit('supportEmail', 'supportEmail')}
          error={e.supportEmail}
          hint="Shown to members on every login page."
        />
        <TextField
          label="Support phone"
          type="tel"
          value={draft.supportPhone}
          onChange={edit('supportPhone', 'supportPhone')}
          error={e.supportPhone}
          hint="International format, e.g. +14155552671."
        />
        <TextField
          label="Postal address"
          value={draft.postalAddress}
          onChange={edit('postalAddress', 'postalAddress')}
          error={e.postalAddress}
          hint="Optional. Shown in the footer of your emails; many anti-spam laws ask marketing email for one."
        />
      </div>
      <fieldset className="fieldset">
        <legend>Link policy</legend>
        <div className="grid-3">
          <TextField
            label="Learner Links last (minutes)"
            type="number"
            min={5}
            value={draft.learnerMinutes}
            onChange={edit('learnerMinutes', 'linkPolicy.learnerLinkTtlSeconds')}
            error={e['linkPolicy.learnerLinkTtlSeconds']}
            hint={Number(draft.learnerMinutes) > 0 ? `= ${formatDuration(seconds(draft.learnerMinutes))}` : undefined}
          />
          <TextField
            label="User Links last (minutes)"
            type="number"
            min={1}
            value={draft.userMinutes}
            onChange={edit('userMinutes', 'linkPolicy.userLinkTtlSeconds')}
            error={e['linkPolicy.userLinkTtlSeconds']}
          />
          <TextField
            label="Uses per link"
            type="number"
            min={1}
            value={draft.maxUses}
            onChange={edit('maxUses', 'linkPolicy.maxUses')}
            error={e['linkPolicy.maxUses']}
            hint="Leave empty for unlimited."
          />
        </div>
      </fieldset>
      <FormError message={errors.general} />
      <div className="form-actions">
        {saved && (
          <span className="save-note" role="status">
            Saved ✓
          </span>
        )}
        {mayEdit ? (
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save Site Details'}
          </button>
        ) : (
          <span className="field-hint">Only admins and owners change Site Details.</span>
        )}
      </div>
    </form>
  );
}
