import type { Editor } from '@tiptap/react';

/** One block the `/` menu inserts: a heading, a list, a divider… or opens the toolbar form that makes it. */
export interface BlockCommand {
  id: string;
  label: string;
  /** What it is, under its name in the list. */
  hint: string;
  /** Other words a marketer may type for it ("h1", "rule", "cta"). */
  keywords: readonly string[];
  run: (editor: Editor) => void;
}

/** The commands whose name or keywords contain what was typed after `/`, those starting with it first. */
export function findBlockCommands(commands: readonly BlockCommand[], query: string): BlockCommand[] {
  const typed = query.trim().toLowerCase();
  if (!typed) return [...commands];
  const terms = (command: BlockCommand) => [command.label, ...command.keywords].map((term) => term.toLowerCase());
  const starts = commands.filter((command) => terms(command).some((term) => term.split(/\s+/).some((word) => word.startsWith(typed))));
  const contains = commands.filter((command) => !starts.includes(command) && terms(command).some((term) => term.includes(typed)));
  return [...starts, ...contains];
}
