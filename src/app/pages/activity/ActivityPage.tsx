import { useState } from 'react';
import { getActivity, getMessageAnalytics } from '../../api/activity';
import { useResource } from '../../hooks/use-resource';
import { useSite } from '../../session/SiteContext';
import { PageHeader } from '../../ui/PageHeader';
import { SelectField } from '../../ui/SelectField';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { ActivityChart } from './ActivityChart';
import { FailureReasons } from './FailureReasons';
import { MessagesTable } from './MessagesTable';

/** Links sent, redeemed, expired and failed per day, what to do about the failures, and what each message achieved. */
export function ActivityPage() {
  const { site } = useSite();
  const [days, setDays] = useState('14');
  const activity = useResource(() => getActivity(site.id, Number(days)), [site.id, days]);
  const perMessage = useResource(() => getMessageAnalytics(site.id), [site.id]);
  const { state } = activity;
  const quiet = state.data && state.data.days.every((day) => day.sent + day.redeemed + day.expired + day.failed === 0);

  return (
    <>
      <PageHeader
        title="Activity"
        description="How magic links are doing: sent, used to log in, expired or refused, per day (UTC)."
        actions={
          <SelectField label="Period" value={days} onChange={setDays}>
            <option value="7">Last 7 days</option>
            <option value="14">Last 14 days</option>
            <option value="30">Last 30 days</option>
          </SelectField>
        }
      />
      {state.status === 'error' && <ErrorState message={state.error} onRetry={activity.reload} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data &&
        (quiet ? (
          <EmptyState title="No link activity yet">Send a message with a magic link and its logins show up here.</EmptyState>
        ) : (
          <div className="stack">
            <ActivityChart days={state.data.days} />
            <FailureReasons reasons={state.data.topFailures} />
            {perMessage.state.status === 'error' && <ErrorState message={perMessage.state.error} onRetry={perMessage.reload} />}
            {perMessage.state.data && <MessagesTable messages={perMessage.state.data.messages} />}
          </div>
        ))}
    </>
  );
}
