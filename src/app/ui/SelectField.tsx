import type { ReactNode } from 'react';
import { FieldFrame } from './FieldFrame';

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
}

export function SelectField({ label, value, onChange, children, error, hint, disabled }: SelectFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {(control) => (
        <select {...control} className="input" value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
