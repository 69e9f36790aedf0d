import { useCallback, useState } from 'react';
import { ApiError, messageOf } from '../api/client';

export interface FieldErrors {
  /** Messages by field name (`email`, `linkPolicy.maxUses`, …). */
  fields: Record<string, string>;
  /** A message that belongs to no field on the form. */
  general: string | null;
}

const NONE: FieldErrors = { fields: {}, general: null };

/** "email: must be a valid email" → "Must be a valid email". */
function withoutFieldPrefix(message: string, field: string): string {
  const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Turns API errors into messages next to the fields they name. `known` lists the form's fields;
 * an error about any other field (or none) is shown as the form's general error.
 */
export function useFieldErrors(known: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>(NONE);

  const capture = useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) {
        setErrors({ fields: {}, general: messageOf(error) });
        return;
      }
      const issues = error.issues.length ? error.issues : error.field ? [{ field: error.field, message: error.message }] : [];
      const fields: Record<string, string> = {};
      for (const issue of issues) {
        if (known.includes(issue.field) && !fields[issue.field]) fields[issue.field] = withoutFieldPrefix(issue.message, issue.field);
      }
      setErrors({ fields, general: Object.keys(fields).length ? null : error.message });
    },
    // The known list is static per form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [known.join('|')],
  );

  const clear = useCallback(() => setErrors(NONE), []);
  const clearField = useCallback(
    (field: string) => setErrors((previous) => (previous.fields[field] ? { ...previous, fields: { ...previous.fields, [field]: '' } } : previous)),
    [],
  );
  return { errors, capture, clear, clearField };
}
