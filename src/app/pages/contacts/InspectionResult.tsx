import type { InspectionVerdict, LinkInspection } from '../../api/types';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { describeSender } from '../../ui/describe-link';
import { formatDateTime } from '../../ui/format';

const VERDICTS: Record<InspectionVerdict, { label: string; tone: BadgeTone }> = {
  works: { label: 'Works', tone: 'good' },
  plain_url: { label: 'Plain URL', tone: 'info' },
  preview: { label: 'Preview link', tone: 'info' },
  not_this_site: { label: 'Another site', tone: 'bad' },
  tampered: { label: 'Broken or altered', tone: 'bad' },
  key_retired: { label: 'Key retired', tone: 'bad' },
  wrong_kind: { label: 'Wrong kind', tone: 'bad' },
  expired: { label: 'Expired', tone: 'warn' },
  revoked: { label: 'Revoked', tone: 'bad' },
  used_up: { label: 'Used up', tone: 'warn' },
  unknown_link: { label: 'Unknown link', tone: 'bad' },
  no_access: { label: 'No access', tone: 'bad' },
  no_content: { label: 'Not in their offers', tone: 'warn' },
};

export function InspectionResult({ inspection }: { inspection: LinkInspection }) {
  const verdict = VERDICTS[inspection.verdict] ?? { label: inspection.verdict, tone: 'neutral' as BadgeTone };
  const { link, contact, access } = inspection;
  return (
    <div className={`inspection inspection--${verdict.tone}`} role="status" aria-label="Link check result">
      <p>
        <Badge tone={verdict.tone}>{verdict.label}</Badge>
      </p>
      <p className="inspection-reason">{inspection.reason}</p>
      <p>
        <strong>Fix: </strong>
        {inspection.fix}
      </p>
      {(link || contact) && (
        <dl className="facts">
          {contact && (
            <>
              <dt>Contact</dt>
              <dd>
                {contact.name || '—'} {contact.email && <span className="muted">({contact.email})</span>}
              </dd>
            </>
          )}
          {link && (
            <>
              <dt>Leads to</dt>
              <dd>/{link.destination}</dd>
              <dt>Sent</dt>
              <dd>
                {formatDateTime(link.issuedAt)} by {describeSender(link.sentBy)} ({link.channel})
              </dd>
              <dt>Expires</dt>
              <dd>{formatDateTime(link.expiresAt)}</dd>
              <dt>Uses</dt>
              <dd>
                {link.uses}
                {link.maxUses !== null ? ` of ${link.maxUses}` : ' (unlimited)'}
              </dd>
            </>
          )}
          {access && (
            <>
              <dt>Offers now</dt>
              <dd>{access.offers.length ? access.offers.join(', ') : 'none'}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
