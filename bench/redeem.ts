/**
 * Redemption throughput: GET /courses?token=… on a member host — verify, link state, access check,
 * take a use, open a session, record, 303 — against a bare fastify hello-world in the same run
 * (both through fastify's inject, so the ratio is the cost of redemption itself), on the embedded
 * database and on PostgreSQL when it is reachable. Reports p50/p99 latency at 8 in flight and
 * each figure against its goal (bench/support/goals.ts), and this process's CPU time per call.
 *
 * Each measured phase starts after a full collection, so that the garbage one phase leaves is not
 * collected during the next one: that showed as a 40–100 ms major pause inside the redemption
 * phase in some runs, and in its p99. Inside a phase the event loop turns every few calls, as a
 * server's does per request (see `throughput`).
 *
 *   node --expose-gc --import tsx bench/redeem.ts        (about 20 s; bench/run.ts passes the flag)
 */
import Fastify from 'fastify';
import { startTestApp } from '../test/support/test-app.ts';
import { prepareTemplates, type TestDriver } from '../test/support/test-databases.ts';
import { createMemberSite, mintTestLink } from '../test/support/member-fixtures.ts';
import { GOALS, verdict } from './support/goals.ts';

const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.log('(without --expose-gc: a phase may pay for the garbage of the one before)');
/**
 * A full collection once what the last phase left is collectable: a run of inject calls (which
 * never waits on I/O) leaves ~10 KB per call reachable for 100–300 ms after it ends (~1 GB after
 * the hello-world's phase). A collection straight after the phase freed none of it, so the next
 * phase ran on a 1.1 GB heap whose young-generation collections took 5–9 ms each. So: collect
 * every 100 ms, for at least 300 ms and until the heap stops shrinking.
 */
async function collectGarbage(): Promise<void> {
  if (!gc) return;
  gc();
  let previous = process.memoryUsage().heapUsed;
  for (let waited = 100; waited <= 3000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    gc();
    const now = process.memoryUsage().heapUsed;
    if (waited >= 300 && now > previous * 0.9) return;
    previous = now;
  }
}

const CONCURRENCY = 8;
/** Calls between turns of the event loop: one turn per 8 calls, i.e. about one per call in flight. */
const LOOP_TURN_EVERY = 8;

/** Calls/s with CONCURRENCY in flight, each call's latency (ms), and this process's CPU time per call (µs). */
async function throughput(fn: () => Promise<unknown>): Promise<{ rate: number; latencies: number[]; cpuMicros: number }> {
  const latencies: number[] = [];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const deadline = start + DURATION_MS;
  let turn: Promise<undefined> | undefined;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const began = performance.now();
        await fn();
        latencies.push(performance.now() - began);
        // Calls through inject need not wait on I/O: without a turn of the event loop now and then
        // (a server gets one per request) what each leaves stays reachable (~10 KB a call), and
        // the app's timers never run. Every worker waits for the same turn and all go on together, so
        // between turns 8 are in flight (workers each waiting on a turn of their own left fewer).
        if (latencies.length % LOOP_TURN_EVERY === 0) turn ??= new Promise((resolve) => setImmediate(() => resolve((turn = undefined))));
        if (turn) await turn;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuStart);
  return { rate: (latencies.length / (performance.now() - start)) * 1000, latencies, cpuMicros: (cpu.user + cpu.system) / latencies.length };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const hello = Fastify();
hello.get('/', async () => ({ hello: 'world' }));
await hello.ready();

await prepareTemplates();
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);
for (const driver of ['pglite', 'postgres'] as TestDriver[]) {
  let t;
  try {
    t = await startTestApp(driver, { RATE_LIMIT_REDEEM_PER_MINUTE: '100000000' });
  } catch (error) {
    console.log(`${driver}: skipped (${(error as Error).message.split('\n')[0]})`);
    continue;
  }
  const s = await createMemberSite(t, 'bench');
  const links = await Promise.all(Array.from({ length: 200 }, () => mintTestLink(t, s.site, s.learner.id, 'courses')));
  let i = 0;
  const redeem = async () => {
    const res = await t.app.inject({ method: 'GET', url: links[i++ % links.length].path, headers: { host: s.host } });
    if (res.statusCode !== 303) throw new Error(`redemption answered ${res.statusCode}`);
  };
  const helloOnce = () => hello.inject({ method: 'GET', url: '/' });
  for (let w = 0; w < 200; w++) await redeem(); // warm-up
  await collectGarbage();
  const { rate: helloRate, cpuMicros: helloCpu } = await throughput(helloOnce);
  await collectGarbage();
  const { rate: redeemRate, latencies, cpuMicros: redeemCpu } = await throughput(redeem);
  const ratio = redeemRate / helloRate;
  const [p50, p99] = [percentile(latencies, 50), percentile(latencies, 99)];
  const ratioGoal = driver === 'postgres' ? GOALS.redeemRatioPostgres : GOALS.redeemRatioPglite;
  console.log(`${driver.padEnd(8)} redemptions/s ${fmt(redeemRate)}   fastify hello/s ${fmt(helloRate)}   ratio ${ratio.toFixed(3)}${verdict(ratioGoal, ratio)}`);
  const p99Verdict = driver === 'postgres' ? verdict(GOALS.redeemP99MsPostgres, p99) : '';
  console.log(`${''.padEnd(8)} latency at ${CONCURRENCY} in flight: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${p99Verdict}`);
  // CPU time moves less than wall time with the machine's load; on PGlite it includes the database, on PostgreSQL not.
  console.log(`${''.padEnd(8)} this process's CPU per call: redemption ${Math.round(redeemCpu)} µs, hello ${Math.round(helloCpu)} µs (${(helloCpu / redeemCpu).toFixed(3)}×)`);
  await t.close();
}
await hello.close();
