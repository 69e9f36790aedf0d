/**
 * Redemption throughput: GET /courses?token=… on a member host — verify, link state, access check,
 * take a use, open a session, record, 303 — against a bare fastify hello-world in the same run
 * (both through fastify's inject, so the ratio is the cost of redemption itself), on the embedded
 * database and on PostgreSQL when it is reachable.
 *
 *   node --import tsx bench/redeem.ts        (about 20 s)
 */
import Fastify from 'fastify';
import { startTestApp } from '../test/support/test-app.ts';
import { prepareTemplates, type TestDriver } from '../test/support/test-databases.ts';
import { createMemberSite, mintTestLink } from '../test/support/member-fixtures.ts';

const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const CONCURRENCY = 8;

async function throughput(fn: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const start = performance.now();
  const deadline = start + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await fn();
        done++;
      }
    }),
  );
  return (done / (performance.now() - start)) * 1000;
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
  const helloRate = await throughput(helloOnce);
  const redeemRate = await throughput(redeem);
  console.log(`${driver.padEnd(8)} redemptions/s ${fmt(redeemRate)}   fastify hello/s ${fmt(helloRate)}   ratio ${(redeemRate / helloRate).toFixed(3)}`);
  await t.close();
}
await hello.close();
