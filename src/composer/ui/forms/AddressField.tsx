import { useId } from 'react';
import type { AddressState } from './use-address';

interface AddressFieldProps {
  label: string;
  address: AddressState;
  /** Why a refused address was refused; shown under the field and announced. */
  refusal: string;
  placeholder?: string;
}

/**
 * A text field for a link or image address. Plain text with a URL keyboard rather than type="url":
 * magic links (`{{magic_link.courses}}`) are valid addresses the browser would reject.
 */
export function AddressField({ label, address, refusal, placeholder }: AddressFieldProps) {
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
          value={address.value}
          onChange={(event) => address.change(event.target.value)}
          aria-invalid={address.refused}
          aria-describedby={address.refused ? errorId : undefined}
        />
      </label>
      {address.refused && (
        <p className="ml-error" id={errorId} role="alert">
          {refusal}
        </p>
      )}
    </>
  );
}
