import { useCallback, useState, type FormEvent } from 'react';
import { useFieldErrors } from './use-field-errors';

/**
 * A form's submit: clears the old errors, marks the form busy while `action` runs, and shows what
 * the API refused next to the fields it names (useFieldErrors). One place for what every form did.
 */
export function useFormSubmit(known: readonly string[]) {
  const { errors, capture, clear, clearField } = useFieldErrors(known);
  const [busy, setBusy] = useState(false);
  const onSubmit = useCallback(
    (action: () => Promise<unknown>) => async (event?: FormEvent) => {
      event?.preventDefault();
      clear();
      setBusy(true);
      try {
        await action();
      } catch (error) {
        capture(error);
      } finally {
        setBusy(false);
      }
    },
    [capture, clear],
  );
  return { errors, busy, onSubmit, clearField };
}
