import { Extension, Mark } from '@tiptap/react';
import { COLOR_MARKS, paletteValue, type ColorMarkType } from '../../template/palette';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    colorMarks: {
      /** Colours the selection (or what is typed next) with a palette colour; any other value is refused. */
      setPaletteColor: (mark: ColorMarkType, color: string) => ReturnType;
      unsetPaletteColor: (mark: ColorMarkType) => ReturnType;
    };
  }
}

/**
 * A mark holding one palette colour. Only its own `data-` attribute is read back from HTML: a pasted
 * span with any other colour loses it (the palette is the whole choice).
 */
function colorMark(name: ColorMarkType, tag: 'span' | 'mark', dataAttribute: string) {
  const property = COLOR_MARKS[name].cssProperty;
  return Mark.create({
    name,
    addAttributes() {
      return {
        color: {
          default: null,
          parseHTML: (element) => paletteValue(name, element.getAttribute(dataAttribute)),
          renderHTML: (attrs) => {
            const color = paletteValue(name, attrs.color);
            return color ? { [dataAttribute]: color, style: `${property}: ${color}` } : {};
          },
        },
      };
    },
    parseHTML() {
      return [{ tag: `${tag}[${dataAttribute}]`, getAttrs: (element) => (paletteValue(name, element.getAttribute(dataAttribute)) ? null : false) }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, HTMLAttributes, 0];
    },
  });
}

// Highlight first: in the schema's order its span wraps a coloured one, so the text colour wins inside.
export const Highlight = colorMark('highlight', 'mark', 'data-highlight');
export const TextColor = colorMark('textColor', 'span', 'data-text-color');

/** The commands for both marks (one pair: which mark is an argument). */
export const PaletteColors = Extension.create({
  name: 'paletteColors',
  addCommands() {
    return {
      setPaletteColor:
        (mark, color) =>
        ({ commands }) => {
          const allowed = paletteValue(mark, color);
          return allowed !== null && commands.setMark(mark, { color: allowed });
        },
      unsetPaletteColor:
        (mark) =>
        ({ commands }) =>
          commands.unsetMark(mark),
    };
  },
});

/** The text colour and highlight marks with their commands. */
export const paletteColorExtensions = () => [Highlight, TextColor, PaletteColors];
