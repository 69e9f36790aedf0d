import { useCallback, useEffect, useRef, useState } from 'react';
import { putTemplateDraft } from '../../api/messages';
import type { Channel } from '../../api/types';

/** Long enough to not write on every keystroke, short enough that a closed tab loses a sentence at most. */
export const AUTOSAVE_DELAY_MS = 1000;

export interface DraftInput {
  name: string;
  channel: Channel;
  content: unknown;
}

export interface DraftAutosave {
  /** When the server last kept the draft (ISO), null before the first autosave. */
  savedAt: string | null;
  failed: boolean;
  /** Drops a pending write and waits for one in flight, so a save or discard that follows wins. */
  settle: () => Promise<void>;
}

/**
 * Writes the editor's work to the server as a draft a moment after each edit (while `edited`), one
 * write at a time and in order; a write still pending when the page goes away is sent at once.
 */
/** `edited` on the first render means `draft` is one restored from the server. */
export function useDraftAutosave(siteId: string, draftKey: string, draft: DraftInput, edited: boolean): DraftAutosave {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The edit not written yet: what the timer (or leaving the page) sends. */
  const unwritten = useRef<{ key: string; input: DraftInput } | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const writeUnwritten = useCallback(() => {
    cancel();
    const next = unwritten.current;
    unwritten.current = null;
    if (!next) return;
    chain.current = chain.current.then(() =>
      putTemplateDraft(siteId, next.key, next.input).then(
        (kept) => {
          setSavedAt(kept.updatedAt);
          setFailed(false);
        },
        () => setFailed(true),
      ),
    );
  }, [siteId, cancel]);

  // A draft restored on opening is on the server already: write only what changes after it.
  const restored = useRef(edited ? draft : null);
  const { name, channel, content } = draft;
  useEffect(() => {
    cancel();
    const unchanged = restored.current && restored.current.name === name && restored.current.content === content;
    if (!edited || unchanged) {
      unwritten.current = null;
      return;
    }
    unwritten.current = { key: draftKey, input: { name, channel, content } };
    timer.current = setTimeout(writeUnwritten, AUTOSAVE_DELAY_MS);
  }, [cancel, writeUnwritten, draftKey, name, channel, content, edited]);

  // Leaving the page (once the leave guard let it go) keeps the last edit as a draft too.
  const writeOnLeave = useRef(writeUnwritten);
  writeOnLeave.current = writeUnwritten;
  useEffect(() => () => writeOnLeave.current(), []);

  const settle = useCallback(() => {
    cancel();
    unwritten.current = null;
    return chain.current;
  }, [cancel]);

  return { savedAt, failed, settle };
}
