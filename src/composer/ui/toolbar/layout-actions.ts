import Columns2 from 'lucide-react/icons/columns-2';
import Columns3 from 'lucide-react/icons/columns-3';
import PanelBottom from 'lucide-react/icons/panel-bottom';
import UnfoldVertical from 'lucide-react/icons/unfold-vertical';
import type { FormattingAction } from './formatting-actions';

const columnsAction = (count: 2 | 3): FormattingAction => ({
  id: `columns-${count}`,
  label: `${count} columns`,
  icon: count === 2 ? Columns2 : Columns3,
  run: (e) => e.chain().focus().insertColumns(count).run(),
  canRun: (e) => e.can().insertColumns(count),
});

/** Layout blocks: empty space, rows of columns and the footer. */
export const LAYOUT_ACTIONS: readonly FormattingAction[] = [
  {
    id: 'spacer',
    label: 'Space',
    icon: UnfoldVertical,
    run: (e) => e.chain().focus().insertSpacer().run(),
    canRun: (e) => e.can().insertSpacer(),
  },
  columnsAction(2),
  columnsAction(3),
  {
    id: 'footer',
    label: 'Footer with unsubscribe link',
    icon: PanelBottom,
    run: (e) => e.chain().focus().insertFooter().run(),
    canRun: (e) => e.can().insertFooter(),
  },
];
