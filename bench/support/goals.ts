/**
 * The performance goals of issue #17, in one place: every bench prints its figure next to the
 * goal it answers to and whether it is met. Ratios are taken against a baseline measured in the
 * same run (the machine's speed cancels out).
 */
export interface Goal {
  /** What the goal says, as printed, e.g. "≥ 0.30× fastify hello-world". */
  text: string;
  met(value: number): boolean;
}

const atLeast = (min: number, text: string): Goal => ({ text, met: (value) => value >= min });
const atMost = (max: number, text: string): Goal => ({ text, met: (value) => value <= max });

export const GOALS = {
  /** Redemptions/s ÷ fastify hello-world/s, both through inject, 8 in flight. */
  redeemRatioPostgres: atLeast(0.3, '≥ 0.30× fastify hello-world on PostgreSQL'),
  redeemRatioPglite: atLeast(0.1, '≥ 0.10× fastify hello-world on PGlite'),
  /** Milliseconds, 8 redemptions in flight on PostgreSQL. */
  redeemP99MsPostgres: atMost(10, 'p99 ≤ 10 ms at 8 in flight on PostgreSQL'),
  /** Emails/s ÷ (raw HMAC/s ÷ links per email). */
  personaliseOfHmacFloor: atLeast(0.5, '≥ 50% of the HMAC floor'),
  /** Recipients/s ÷ bare outbox rows/s. */
  campaignOfOutboxRate: atLeast(0.75, '≥ 75% of the bare outbox write rate'),
  /** Recipients/s through SMTP ÷ bare nodemailer messages/s to the same server. */
  campaignOfBareSmtpRate: atLeast(0.75, '≥ 75% of bare nodemailer to the same server'),
  /** Peak RSS at the end ÷ peak RSS over the first 10k recipients, minus 1. */
  campaignRssGrowth: atMost(0.1, 'peak RSS growth ≤ 10% from 10k to 100k recipients'),
} satisfies Record<string, Goal>;

/** "  [goal ≥ 0.30× …: met]" — appended to the line that prints the figure. */
export function verdict(goal: Goal, value: number): string {
  return `  [goal ${goal.text}: ${goal.met(value) ? 'met' : 'NOT met'}]`;
}
