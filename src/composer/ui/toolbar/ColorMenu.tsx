import { useEditorState, type Editor } from '@tiptap/react';
import type { LucideIcon } from 'lucide-react';
import Baseline from 'lucide-react/icons/baseline';
import Highlighter from 'lucide-react/icons/highlighter';
import { COLOR_MARKS, PALETTE, type ColorMarkType } from '../../../template/palette';
import { ToolbarMenu } from './ToolbarMenu';

interface ColorMenuKind {
  mark: ColorMarkType;
  icon: LucideIcon;
}

const TEXT_COLOR: ColorMenuKind = { mark: 'textColor', icon: Baseline };
const HIGHLIGHT: ColorMenuKind = { mark: 'highlight', icon: Highlighter };

/** The palette as swatches, each named ("Text colour: Red"), pressed for the selection's colour, and "None". */
function ColorMenu({ editor, kind }: { editor: Editor; kind: ColorMenuKind }) {
  const current = useEditorState({ editor, selector: ({ editor: e }) => (e.getAttributes(kind.mark).color as string | undefined) ?? null });
  const { role, label } = COLOR_MARKS[kind.mark];

  return (
    <ToolbarMenu label={label} icon={kind.icon}>
      {(close) => {
        const choose = (apply: () => boolean) => () => {
          if (apply()) close();
        };
        return (
          <div className="ml-swatches" role="group" aria-label={`${label} palette`}>
            {PALETTE.map((entry) => (
              <button
                key={entry.name}
                type="button"
                className="ml-swatch"
                aria-label={`${label}: ${entry.name}`}
                title={entry.name}
                aria-pressed={current === entry[role]}
                style={{ background: entry[role] }}
                onClick={choose(() => editor.chain().focus().setPaletteColor(kind.mark, entry[role]).run())}
              />
            ))}
            <button
              type="button"
              className="ml-swatch ml-swatch--none"
              aria-label={`${label}: None`}
              title="None"
              aria-pressed={current === null}
              onClick={choose(() => editor.chain().focus().unsetPaletteColor(kind.mark).run())}
            />
          </div>
        );
      }}
    </ToolbarMenu>
  );
}

/** Text colour and highlight, from the one palette (src/template/palette.ts). */
export function ColorMenus({ editor }: { editor: Editor }) {
  return (
    <>
      <ColorMenu editor={editor} kind={TEXT_COLOR} />
      <ColorMenu editor={editor} kind={HIGHLIGHT} />
    </>
  );
}
