import { useId } from 'react';

interface AddressFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Why the address was refused; shown under the field and announced. */
  error: string | null;
  placeholder?: string;
}

/**
 * A text field for a link or image address. Plain text with a URL keyboard rather than type="url":
 * magic links (`{{magic_link.courses}}`) are valid addresses the browser would reject.
 */
export function AddressField({ label, value, onChange, error, placeholder }: AddressFieldProps) {
  const errorId = `${useId()}-error`;
  return (
    <>
      <label className="ml-field">
        <span className="ml-field-label">{label}</span>
        <input
          className="ml-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      {error && (
        <p className="ml-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </>
  );
}
