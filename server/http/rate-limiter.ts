/**
 * A fixed-window counter per key, in process memory. Enough for one process; several processes
 * behind a load balancer each count their own share (the limits are per process).
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly rule: RateLimit,
    private readonly now: () => number,
  ) {}

  /** Counts a hit; returns how long to wait (seconds) when over the limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.rule.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    window.count++;
    if (window.count <= this.rule.limit) return 0;
    return Math.max(1, Math.ceil((window.start + this.rule.windowMs - now) / 1000));
  }

  /** Drops finished windows now and then so memory stays bounded by active keys. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.rule.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= this.rule.windowMs) this.windows.delete(key);
  }
}
