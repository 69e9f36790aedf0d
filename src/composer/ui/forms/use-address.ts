import { useState } from 'react';

export interface AddressState {
  value: string;
  refused: boolean;
  change: (value: string) => void;
  /** The trimmed address when it is allowed; otherwise marks it refused and returns null. */
  accept: () => string | null;
}

/** A link or image address being typed, checked only when the form is submitted. */
export function useAddress(initial: string, isAllowed: (address: string) => boolean): AddressState {
  const [value, setValue] = useState(initial);
  const [refused, setRefused] = useState(false);
  return {
    value,
    refused,
    change: (next) => {
      setValue(next);
      setRefused(false);
    },
    accept: () => {
      const address = value.trim();
      if (isAllowed(address)) return address;
      setRefused(true);
      return null;
    },
  };
}
