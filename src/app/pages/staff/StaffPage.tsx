import { useState } from 'react';
import { changeStaffRole, listStaff, removeStaff } from '../../api/staff';
import { messageOf } from '../../api/client';
import type { StaffMember } from '../../api/types';
import type { Role } from '../../../contract/permissions.ts';
import { useResource } from '../../hooks/use-resource';
import { useSite } from '../../session/SiteContext';
import { usePermissions } from '../../session/Permissions';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { InviteStaffDialog } from './InviteStaffDialog';
import { RoleSelect } from './RoleSelect';

/** Who works on the site and with which role (owners only). A site always keeps an owner. */
export function StaffPage() {
  const { site } = useSite();
  const { can, me } = usePermissions();
  const data = useResource(() => listStaff(site.id), [site.id]);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<StaffMember | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!can('staff.manage')) {
    return <EmptyState title="Staff">Only owners of the site manage its staff.</EmptyState>;
  }
  const staff = data.state.data ?? [];
  const replace = (member: StaffMember) => data.set(staff.some((m) => m.id === member.id) ? staff.map((m) => (m.id === member.id ? member : m)) : [...staff, member]);
  const setRole = async (member: StaffMember, role: Role) => {
    setError(null);
    try {
      replace(await changeStaffRole(site.id, member.id, role));
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <>
      <PageHeader
        title="Staff"
        description="Owners manage staff; admins change the site, offers, templates, workflows and keys; agents work with contacts and conversations."
        actions={
          <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
            Invite staff
          </button>
        }
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {data.state.status === 'error' && <ErrorState message={data.state.error} onRetry={data.reload} />}
      {data.state.status === 'loading' && !data.state.data && <Loading />}
      {data.state.data && (
        <ul className="card-list staff-list" aria-label="Staff">
          {staff.map((member) => (
            <li key={member.id} className="card staff-card">
              <div className="staff-who">
                <strong>{member.name || member.email}</strong>
                <span className="muted">
                  {member.email}
                  {member.id === me?.staffId ? ' (you)' : ''}
                </span>
              </div>
              <RoleSelect label={`Role of ${member.email}`} value={member.role} onChange={(role) => setRole(member, role)} />
              <button type="button" className="button button--danger button--small" onClick={() => setRemoving(member)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {inviting && (
        <InviteStaffDialog
          siteId={site.id}
          onClose={() => setInviting(false)}
          onInvited={(member) => {
            replace(member);
            setInviting(false);
          }}
        />
      )}
      <ConfirmDialog
        title="Remove from staff"
        open={removing !== null}
        onClose={() => setRemoving(null)}
        confirmLabel="Remove"
        onConfirm={async () => {
          await removeStaff(site.id, removing!.id);
          data.set(staff.filter((m) => m.id !== removing!.id));
        }}
      >
        {removing?.email} is signed out everywhere and their sign-in links stop working.
      </ConfirmDialog>
    </>
  );
}
