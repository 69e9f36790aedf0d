import type { Editor } from '@tiptap/react';
import Braces from 'lucide-react/icons/braces';
import { useId } from 'react';
import { groupFields } from '../../merge-field/group-fields';
import { useCatalog, useLabels } from '../../store/hooks';
import { ToolbarMenu } from './ToolbarMenu';

/** "Insert field": the catalog by group. Magic links have their own menu, which also makes buttons. */
export function InsertFieldMenu({ editor }: { editor: Editor }) {
  const catalog = useCatalog();
  const idPrefix = useId();
  const labels = useLabels();
  const groups = groupFields(catalog.filter((field) => field.group !== 'magic_link'));

  return (
    <ToolbarMenu label={labels.insertField} icon={Braces}>
      {(close) =>
        groups.map(({ group, label, fields }) => (
          <div key={group} role="group" aria-labelledby={`${idPrefix}-${group}`} className="ml-menu-group">
            <h3 className="ml-menu-group-label" id={`${idPrefix}-${group}`}>
              {label}
            </h3>
            {fields.map((field) => (
              <button
                key={field.key}
                type="button"
                className="ml-menu-item"
                onClick={() => {
                  editor.chain().focus().insertMergeField({ key: field.key }).run();
                  close();
                }}
              >
                {field.label}
                <span className="ml-menu-item-hint">e.g. {field.sample}</span>
              </button>
            ))}
          </div>
        ))
      }
    </ToolbarMenu>
  );
}
