import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldFrame } from './FieldFrame';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field, and announced with it, in place of the hint. */
  error?: string;
  hint?: ReactNode;
}

/** A labelled input with a hint and an inline error tied to it (aria-invalid, aria-describedby). */
export function TextField({ label, value, onChange, error, hint, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => <input {...control} className="input" value={value} onChange={(event) => onChange(event.target.value)} {...input} />}
    </FieldFrame>
  );
}
