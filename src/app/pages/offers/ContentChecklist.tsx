import type { ContentItem, ContentKind } from '../../api/types';

interface ContentChecklistProps {
  kind: ContentKind;
  legend: string;
  items: ContentItem[];
  checked: string[];
  onToggle: (id: string) => void;
}

/** The courses (or communities) an offer unlocks, as checkboxes. */
export function ContentChecklist({ kind, legend, items, checked, onToggle }: ContentChecklistProps) {
  const ofKind = items.filter((item) => item.kind === kind);
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {ofKind.length === 0 ? (
        <p className="field-hint">No {legend.toLowerCase()} yet. Add one below.</p>
      ) : (
        <div className="checklist">
          {ofKind.map((item) => (
            <label key={item.id} className="checkbox">
              <input type="checkbox" checked={checked.includes(item.id)} onChange={() => onToggle(item.id)} />
              {item.title}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
