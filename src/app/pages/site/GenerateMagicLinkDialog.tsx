import { useId, useState, type FormEvent } from 'react';
import { fixedDestinationsFor, itemPath } from '../../../template/destinations';
import { messageOf } from '../../api/client';
import { listContent } from '../../api/offers';
import { generateMagicLink } from '../../api/sites';
import type { LinkDescription, LinkKind, Site } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { SelectField } from '../../ui/SelectField';

const SECTIONS = fixedDestinationsFor('learner').map((d) => ({ value: d.path, label: d.label }));

/** Pick who logs in and where they land; get the custom value to paste into a template. */
export function GenerateMagicLinkDialog({ site, open, onClose }: { site: Site; open: boolean; onClose: () => void }) {
  const [kind, setKind] = useState<LinkKind>('learner');
  const [destination, setDestination] = useState('');
  const [result, setResult] = useState<LinkDescription | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const content = useResource(() => (open ? listContent(site.id) : Promise.resolve([])), [site.id, open]);
  const id = useId();

  const items = content.state.data ?? [];
  const courses = items.filter((item) => item.kind === 'course');
  const communities = items.filter((item) => item.kind === 'community');

  const change = (apply: () => void) => {
    apply();
    setResult(null);
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await generateMagicLink(site.id, kind, kind === 'user' ? '' : destination));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Generate Magic Link" open={open} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend>Who logs in</legend>
          <label className="radio">
            <input type="radio" name={`${id}-kind`} checked={kind === 'learner'} onChange={() => change(() => setKind('learner'))} />
            Learner Link <span className="field-hint">a member, into the member site</span>
          </label>
          <label className="radio">
            <input type="radio" name={`${id}-kind`} checked={kind === 'user'} onChange={() => change(() => setKind('user'))} />
            User Link <span className="field-hint">a team member, into this admin app</span>
          </label>
        </fieldset>
        <SelectField
          label="Destination"
          value={kind === 'user' ? '' : destination}
          onChange={(value) => change(() => setDestination(value))}
          disabled={kind === 'user'}
          hint={kind === 'user' ? 'A User Link always opens the admin app.' : content.state.status === 'loading' ? 'Loading courses and communities…' : undefined}
        >
          {kind === 'user' ? (
            <option value="">Admin app</option>
          ) : (
            <>
              {SECTIONS.map((section) => (
                <option key={section.value} value={section.value}>
                  {section.label}
                </option>
              ))}
              {courses.length > 0 && (
                <optgroup label="A specific course">
                  {courses.map((item) => (
                    <option key={item.id} value={itemPath(item.kind, item.id)}>
                      {item.title}
                    </option>
                  ))}
                </optgroup>
              )}
              {communities.length > 0 && (
                <optgroup label="A specific community">
                  {communities.map((item) => (
                    <option key={item.id} value={itemPath(item.kind, item.id)}>
                      {item.title}
                    </option>
                  ))}
                </optgroup>
              )}
            </>
          )}
        </SelectField>
        <FormError message={error} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Generating…' : 'Generate'}
          </button>
        </div>
      </form>
      {result && (
        <div className="generated" role="status" aria-label="Generated magic link">
          <p className="field-label">Paste this custom value into a template ({result.label})</p>
          <div className="copy-row">
            <code className="code-value" data-testid="generated-custom-value">
              {result.customValue}
            </code>
            <CopyButton text={result.customValue} what="custom value" variant="primary" />
          </div>
          <p className="url-shape">
            <span className="muted">Sent as </span>
            <span className="break-all">{result.urlShape}</span>
          </p>
          <div className="copy-row">
            <span className="break-all muted">{result.plainUrl}</span>
            <CopyButton text={result.plainUrl} label="Copy without auto-login" what="plain URL" />
          </div>
        </div>
      )}
    </Dialog>
  );
}
