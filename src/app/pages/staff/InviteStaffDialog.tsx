import { useState } from 'react';
import { inviteStaff } from '../../api/staff';
import type { StaffMember } from '../../api/types';
import type { Role } from '../../../contract/permissions.ts';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { RoleSelect } from './RoleSelect';

const FIELDS = ['email', 'name', 'role'] as const;

/** Invite a member of staff: they are emailed their User Link. */
export function InviteStaffDialog({ siteId, onClose, onInvited }: { siteId: string; onClose: () => void; onInvited: (member: StaffMember) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const { errors, busy, onSubmit } = useFormSubmit(FIELDS);

  const submit = onSubmit(async () => {
    onInvited(await inviteStaff(siteId, { email: email.trim(), name: name.trim(), role }));
  });

  return (
    <Dialog title="Invite staff" open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField label="Email" type="email" value={email} onChange={setEmail} error={errors.fields.email} autoFocus hint="Their sign-in link is emailed to this address." />
        <TextField label="Name" value={name} onChange={setName} error={errors.fields.name} />
        <RoleSelect label="Role" value={role} onChange={setRole} error={errors.fields.role} />
        <FormError message={errors.general} />
        <DialogActions onCancel={onClose} busy={busy} label="Send invitation" />
      </form>
    </Dialog>
  );
}
