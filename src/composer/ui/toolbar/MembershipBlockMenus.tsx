import type { Editor } from '@tiptap/react';
import Filter from 'lucide-react/icons/filter';
import Repeat from 'lucide-react/icons/repeat';
import { useState } from 'react';
import { DEFAULT_SHOW_IF, type ShowIfAttributes } from '../../extensions/show-if';
import { DEFAULT_UNLOCKED_ITEMS, type UnlockedItemsAttributes } from '../../extensions/unlocked-items';
import { useComposerConfig } from '../../store/hooks';
import '../../membership-blocks.css';
import { BLOCK_MENU_IDS } from './block-commands';
import { ToolbarMenu } from './ToolbarMenu';

const RULES: ReadonlyArray<{ value: ShowIfAttributes['condition']; label: string }> = [
  { value: 'offer', label: 'Contacts who hold an offer' },
  { value: 'no_offer', label: 'Contacts who hold no offer' },
  { value: 'field', label: 'Contacts whose custom field equals' },
];

const CUSTOM = 'contact.custom.';

/** "Show if…": puts the selected blocks (or changes the rule of the section the cursor is in) behind a rule. */
function ShowIfMenu({ editor }: { editor: Editor }) {
  const { offers, catalog } = useComposerConfig();
  const [rule, setRule] = useState<ShowIfAttributes>(DEFAULT_SHOW_IF);
  const fields = catalog.filter((value) => value.key.startsWith(CUSTOM)).map((value) => value.key.slice(CUSTOM.length));
  const change = (changes: Partial<ShowIfAttributes>) => setRule((current) => ({ ...current, ...changes }));
  const inside = editor.isActive('showIf');
  const offerId = rule.offerId || offers[0]?.id || '';
  const ready = rule.condition === 'offer' ? offerId !== '' : rule.condition === 'field' ? rule.field.trim() !== '' : true;

  return (
    <ToolbarMenu label="Show if…" icon={Filter} menuId={BLOCK_MENU_IDS.showIf}>
      {(close) => (
        <form
          className="ml-show-if-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!ready) return;
            const attributes: ShowIfAttributes = {
              condition: rule.condition,
              offerId: rule.condition === 'offer' ? offerId : '',
              field: rule.condition === 'field' ? rule.field.trim() : '',
              value: rule.condition === 'field' ? rule.value : '',
            };
            if (editor.chain().focus().setShowIf(attributes).run()) close();
          }}
        >
          <label className="ml-field">
            <span className="ml-field-label">Show the selected blocks to</span>
            <select className="ml-select" value={rule.condition} onChange={(event) => change({ condition: event.target.value as ShowIfAttributes['condition'] })}>
              {RULES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          {rule.condition === 'offer' &&
            (offers.length > 0 ? (
              <label className="ml-field">
                <span className="ml-field-label">Offer</span>
                <select className="ml-select" aria-label="Offer" value={offerId} onChange={(event) => change({ offerId: event.target.value })}>
                  {offers.map((offer) => (
                    <option key={offer.id} value={offer.id}>
                      {offer.title}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p className="ml-field-hint">This site has no offers yet.</p>
            ))}
          {rule.condition === 'field' && (
            <>
              <label className="ml-field">
                <span className="ml-field-label">Custom field</span>
                <input className="ml-input" type="text" list="ml-show-if-fields" value={rule.field} onChange={(event) => change({ field: event.target.value })} placeholder="plan" />
                <datalist id="ml-show-if-fields">
                  {fields.map((field) => (
                    <option key={field} value={field} />
                  ))}
                </datalist>
              </label>
              <label className="ml-field">
                <span className="ml-field-label">Equals</span>
                <input className="ml-input" type="text" value={rule.value} onChange={(event) => change({ value: event.target.value })} />
                <span className="ml-field-hint">Compared without regard to capitals or surrounding spaces; empty means the field is not set.</span>
              </label>
            </>
          )}
          <div className="ml-form-actions">
            {inside && (
              <button type="button" className="ml-button-secondary" onClick={() => editor.chain().focus().removeShowIf().run() && close()}>
                Show to everyone
              </button>
            )}
            <button type="submit" className="ml-button-primary" disabled={!ready}>
              {inside ? 'Change rule' : 'Apply rule'}
            </button>
          </div>
        </form>
      )}
    </ToolbarMenu>
  );
}

/** "For each…": inserts a card per unlocked course or community, each with its own magic link. */
function UnlockedItemsMenu({ editor }: { editor: Editor }) {
  const [block, setBlock] = useState<UnlockedItemsAttributes>(DEFAULT_UNLOCKED_ITEMS);
  return (
    <ToolbarMenu label="For each unlocked…" icon={Repeat} menuId={BLOCK_MENU_IDS.unlockedItems}>
      {(close) => (
        <form
          className="ml-show-if-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const buttonLabel = block.buttonLabel.trim() || DEFAULT_UNLOCKED_ITEMS.buttonLabel;
            if (editor.chain().focus().insertUnlockedItems({ ...block, buttonLabel }).run()) close();
          }}
        >
          <label className="ml-field">
            <span className="ml-field-label">One card for each</span>
            <select className="ml-select" value={block.list} onChange={(event) => setBlock({ ...block, list: event.target.value as UnlockedItemsAttributes['list'] })}>
              <option value="courses">Course the contact can open</option>
              <option value="communities">Community the contact can open</option>
            </select>
          </label>
          <label className="ml-field">
            <span className="ml-field-label">Button label</span>
            <input className="ml-input" type="text" value={block.buttonLabel} onChange={(event) => setBlock({ ...block, buttonLabel: event.target.value })} />
            <span className="ml-field-hint">Each card's button is a magic link to that item.</span>
          </label>
          <div className="ml-form-actions">
            <button type="submit" className="ml-button-primary">
              Insert cards
            </button>
          </div>
        </form>
      )}
    </ToolbarMenu>
  );
}

/** The blocks only memberlink has: decided per recipient from their offers and fields. */
export function MembershipBlockMenus({ editor }: { editor: Editor }) {
  return (
    <>
      <ShowIfMenu editor={editor} />
      <UnlockedItemsMenu editor={editor} />
    </>
  );
}
