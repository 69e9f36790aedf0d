import { ROLES, type Role } from '../../../contract/permissions.ts';
import { SelectField } from '../../ui/SelectField';

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner — everything, including staff',
  admin: 'Admin — site, offers, templates, workflows, keys',
  agent: 'Agent — contacts, conversations, sending',
};

/** A role picker listing the roles of the permissions table. */
export function RoleSelect({ label, value, onChange, error, disabled }: { label: string; value: Role; onChange: (role: Role) => void; error?: string; disabled?: boolean }) {
  return (
    <SelectField label={label} value={value} onChange={(v) => onChange(v as Role)} error={error} disabled={disabled}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </SelectField>
  );
}
