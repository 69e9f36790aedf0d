/**
 * Preloaded into the e2e server process (`node --import tsx --import ./test/support/e2e-clock.ts`):
 * lets a test move the server's clock forward without a server option. Each SIGUSR2 adds
 * E2E_CLOCK_STEP_MS to every `Date` the process sees, then prints `e2e-clock: +<ms>` so the test
 * knows the jump happened. Nothing else changes: the server code runs exactly as in production.
 */
const step = Number(process.env.E2E_CLOCK_STEP_MS ?? 0);

if (step > 0) {
  const RealDate = Date;
  let offset = 0;

  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return RealDate.now() + offset;
    }
  }

  globalThis.Date = ShiftedDate as DateConstructor;
  process.on('SIGUSR2', () => {
    offset += step;
    process.stdout.write(`e2e-clock: +${offset}\n`);
  });
}
