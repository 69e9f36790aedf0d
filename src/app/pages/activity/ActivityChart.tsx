import { useEffect, useRef } from 'react';
import type { ActivityDay } from '../../api/activity';

const SERIES = [
  { key: 'sent', label: 'Sent' },
  { key: 'redeemed', label: 'Logged in' },
  { key: 'expired', label: 'Expired' },
  { key: 'failed', label: 'Failed' },
] as const;

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value`: the top of an axis people read at a glance. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value)!;
}

/** Grouped bars per day (CSS heights) on a y-axis of counts, with the same numbers as a table for screen readers. */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  // On a narrow screen the days scroll sideways: start at today, where the activity is.
  const plot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (plot.current) plot.current.scrollLeft = plot.current.scrollWidth;
  }, [days]);
  const max = niceCeiling(Math.max(1, ...days.flatMap((day) => SERIES.map((series) => day[series.key]))));
  const ticks = max === 1 ? [0, 1] : [0, max / 2, max];
  const totals = SERIES.map((series) => ({ ...series, total: days.reduce((sum, day) => sum + day[series.key], 0) }));

  return (
    <section className="card" aria-labelledby="activity-chart-heading">
      <h2 id="activity-chart-heading">Links per day</h2>
      <ul className="legend" aria-label="Totals">
        {totals.map((series) => (
          <li key={series.key}>
            <span className={`legend-swatch series--${series.key}`} aria-hidden="true" />
            {series.label}: <strong>{series.total}</strong>
          </li>
        ))}
      </ul>
      <div className="chart-frame" aria-hidden="true">
        <div className="chart-axis">
          <div className="chart-ticks">
            {ticks.map((tick) => (
              <span key={tick} className="chart-tick" style={{ bottom: `${(tick / max) * 100}%` }}>
                {tick}
              </span>
            ))}
          </div>
          <span className="chart-label">&nbsp;</span>
        </div>
        <div className="chart" ref={plot}>
          <div className="chart-grid">
            {ticks.map((tick) => (
              <span key={tick} className="chart-gridline" style={{ bottom: `${(tick / max) * 100}%` }} />
            ))}
          </div>
          {days.map((day) => (
            <div key={day.day} className="chart-day" title={`${shortDay(day.day)}: ${SERIES.map((s) => `${day[s.key]} ${s.label.toLowerCase()}`).join(', ')}`}>
              <div className="chart-bars">
                {SERIES.map((series) => (
                  <span key={series.key} className={`chart-bar series--${series.key}`} style={{ height: `${(day[series.key] / max) * 100}%` }} />
                ))}
              </div>
              <span className="chart-label">{shortDay(day.day)}</span>
            </div>
          ))}
        </div>
      </div>
      <table className="visually-hidden">
        <caption>Links per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {SERIES.map((series) => (
              <th key={series.key} scope="col">
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{day.day}</th>
              {SERIES.map((series) => (
                <td key={series.key}>{day[series.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
