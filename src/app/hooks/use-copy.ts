import { useCallback, useEffect, useState } from 'react';

/** Copies text to the clipboard; `copied` is true for a moment afterwards so the button can say so. */
export function useCopy(): { copy: (text: string) => Promise<void>; copied: boolean; failed: boolean } {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!copied && !failed) return;
    const timer = setTimeout(() => {
      setCopied(false);
      setFailed(false);
    }, 2000);
    return () => clearTimeout(timer);
  }, [copied, failed]);

  const copy = useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setFailed(true);
    }
  }, []);
  return { copy, copied, failed };
}
