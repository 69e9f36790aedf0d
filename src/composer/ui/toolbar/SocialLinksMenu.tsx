import type { Editor } from '@tiptap/react';
import Share2 from 'lucide-react/icons/share-2';
import { useRef, useState, type FormEvent } from 'react';
import { ALIGNMENTS, type Alignment } from '../../../template/nodes/alignment';
import { SOCIAL_NETWORKS, type SocialNetworkId } from '../../../template/social-networks';
import type { SocialLinksAttributes } from '../../extensions/social-links';
import { BLOCK_MENU_IDS } from './block-commands';
import { ToolbarMenu } from './ToolbarMenu';

const ALIGN_LABELS: Record<Alignment, string> = { left: 'Left', center: 'Centre', right: 'Right' };
const isHttps = (url: string) => /^https:\/\/[^\s/]+\.[^\s]+$/i.test(url);

/** One address per network (empty ones are left out of the row) and the row's alignment. */
function SocialLinksForm({ editor, close }: { editor: Editor; close: () => void }) {
  const selected = useRef(editor.isActive('socialLinks') ? (editor.getAttributes('socialLinks') as SocialLinksAttributes) : null).current;
  const [urls, setUrls] = useState<Record<string, string>>(() => Object.fromEntries((selected?.links ?? []).map((link) => [link.network, link.url])));
  const [align, setAlign] = useState<Alignment>(selected?.align ?? 'center');
  const [refused, setRefused] = useState<SocialNetworkId[]>([]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const links = SOCIAL_NETWORKS.map((network) => ({ network: network.id, url: (urls[network.id] ?? '').trim() })).filter((link) => link.url);
    const wrong = links.filter((link) => !isHttps(link.url)).map((link) => link.network);
    setRefused(wrong);
    if (wrong.length > 0 || links.length === 0) return;
    editor.chain().focus().setSocialLinks({ links, align }).run();
    close();
  };

  return (
    <form className="ml-social-form" onSubmit={apply} noValidate>
      {SOCIAL_NETWORKS.map((network) => (
        <label className="ml-field" key={network.id}>
          <span className="ml-field-label">{network.label}</span>
          <input
            className="ml-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={`https://${network.hosts[0]}/…`}
            value={urls[network.id] ?? ''}
            aria-invalid={refused.includes(network.id)}
            onChange={(event) => setUrls((current) => ({ ...current, [network.id]: event.target.value }))}
          />
        </label>
      ))}
      {refused.length > 0 && (
        <p className="ml-error" role="alert">
          {refused.map((id) => SOCIAL_NETWORKS.find((network) => network.id === id)!.label).join(', ')}: use the full address of your page, starting with https://.
        </p>
      )}
      <label className="ml-field">
        <span className="ml-field-label">Align</span>
        <select className="ml-select" value={align} onChange={(event) => setAlign(event.target.value as Alignment)}>
          {ALIGNMENTS.map((value) => (
            <option key={value} value={value}>
              {ALIGN_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <div className="ml-form-actions">
        <button type="submit" className="ml-button-primary">
          {selected ? 'Apply' : 'Insert social links'}
        </button>
      </div>
    </form>
  );
}

/** "Social links": a row of icons linking to the sender's pages; with a row selected, changes it. */
export function SocialLinksMenu({ editor }: { editor: Editor }) {
  return (
    <ToolbarMenu label="Social links" icon={Share2} menuId={BLOCK_MENU_IDS.socialLinks}>
      {(close) => <SocialLinksForm editor={editor} close={close} />}
    </ToolbarMenu>
  );
}
