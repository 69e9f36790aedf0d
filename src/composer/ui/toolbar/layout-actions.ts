import type { FormattingAction } from './formatting-actions';

const columnsAction = (count: 2 | 3): FormattingAction => ({
  id: `columns-${count}`,
  label: `${count} columns`,
  glyph: count === 2 ? '▥▥' : '▥▥▥',
  run: (e) => e.chain().focus().insertColumns(count).run(),
  canRun: (e) => e.can().insertColumns(count),
});

/** Layout blocks: empty space, rows of columns and the footer. */
export const LAYOUT_ACTIONS: readonly FormattingAction[] = [
  {
    id: 'spacer',
    label: 'Space',
    glyph: '↕',
    run: (e) => e.chain().focus().insertSpacer().run(),
    canRun: (e) => e.can().insertSpacer(),
  },
  columnsAction(2),
  columnsAction(3),
  {
    id: 'footer',
    label: 'Footer with unsubscribe link',
    glyph: 'Footer',
    run: (e) => e.chain().focus().insertFooter().run(),
    canRun: (e) => e.can().insertFooter(),
  },
];
