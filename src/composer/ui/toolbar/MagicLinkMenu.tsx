import type { Editor } from '@tiptap/react';
import WandSparkles from 'lucide-react/icons/wand-sparkles';
import { useId, useState } from 'react';
import { magicLinkKey, type MagicLinkKind } from '../../../template';
import { applyMagicLinkToText, insertMagicLinkButton, insertMagicLinkUrl } from '../../magic-link/insert-magic-link';
import { defaultLinkText, destinationsFor, MAGIC_LINK_KINDS } from '../../magic-link/magic-link-destinations';
import { useComposerConfig } from '../../store/hooks';
import type { Channel } from '../../types';
import { ToolbarMenu } from './ToolbarMenu';

/**
 * "Magic link": choose who logs in (learner or user) and where they land, then insert it as a text
 * link (on the selection, or with a default label), as a button (email) or as a bare URL (SMS).
 */
export function MagicLinkMenu({ editor, channel }: { editor: Editor; channel: Channel }) {
  const { destinations } = useComposerConfig();
  const [kind, setKind] = useState<MagicLinkKind>('learner');
  const [destination, setDestination] = useState('');
  const id = useId();

  const options = destinationsFor(kind, destinations);
  // Switching kind can leave a destination the new kind does not offer.
  const chosen = options.some((option) => option.value === destination) ? destination : options[0].value;
  const target = { kind, destination: chosen };
  const key = magicLinkKey(kind, chosen);
  const linkText = defaultLinkText(target, destinations);

  return (
    <ToolbarMenu label="Magic link" icon={WandSparkles}>
      {(close) => {
        const act = (insert: () => boolean) => () => {
          if (insert()) close();
        };
        return (
          <div className="ml-magic-link-form">
            <fieldset className="ml-fieldset">
              <legend>Who logs in</legend>
              {MAGIC_LINK_KINDS.map((option) => (
                <label key={option.kind} className="ml-radio">
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    value={option.kind}
                    checked={kind === option.kind}
                    onChange={() => setKind(option.kind)}
                  />
                  <span>
                    {option.label}
                    <span className="ml-field-hint">{option.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <label className="ml-field">
              <span className="ml-field-label">Destination</span>
              <select className="ml-select" value={chosen} onChange={(event) => setDestination(event.target.value)} disabled={options.length < 2}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            <div className="ml-form-actions">
              <button type="button" className="ml-button-secondary" onClick={act(() => applyMagicLinkToText(editor, key, linkText))}>
                Insert as text link
              </button>
              {channel === 'email' ? (
                <button type="button" className="ml-button-primary" onClick={act(() => insertMagicLinkButton(editor, key, linkText))}>
                  Insert as button
                </button>
              ) : (
                <button type="button" className="ml-button-primary" onClick={act(() => insertMagicLinkUrl(editor, key))}>
                  Insert as URL
                </button>
              )}
            </div>
          </div>
        );
      }}
    </ToolbarMenu>
  );
}
