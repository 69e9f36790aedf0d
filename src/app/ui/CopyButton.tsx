import { useCopy } from '../hooks/use-copy';

interface CopyButtonProps {
  text: string;
  /** Visible label, e.g. "Copy" or "Copy without auto-login". */
  label?: string;
  /** Names what is copied for screen readers, e.g. "Learner Link". */
  what: string;
  variant?: 'primary' | 'plain';
}

export function CopyButton({ text, label = 'Copy', what, variant = 'plain' }: CopyButtonProps) {
  const { copy, copied, failed } = useCopy();
  return (
    <button
      type="button"
      className={`button button--small ${variant === 'primary' ? 'button--primary' : ''}`}
      onClick={() => copy(text)}
      aria-label={`${label} ${what}`}
    >
      <span aria-live="polite">{copied ? 'Copied ✓' : failed ? 'Copy failed' : label}</span>
    </button>
  );
}
