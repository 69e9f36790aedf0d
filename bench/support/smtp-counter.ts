/**
 * bench/campaign's SMTP side: a real SMTP server on 127.0.0.1 (smtp-server, no AUTH or STARTTLS),
 * in a process of its own, that accepts everything and counts what it accepted per recipient, keeping the first message
 * whole; and the baseline it is measured against: bare nodemailer sending that same message to the
 * same server, pooled, with as many in flight as the product sends.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';

export interface SmtpCounter {
  port: number;
  /** What the server accepted: deliveries (one per recipient of each mail) and distinct recipients. */
  accepted(): Promise<{ deliveries: number; recipients: number }>;
  /** The first mail it accepted, as sent. */
  firstMessage(): Promise<Buffer | null>;
  /** Starts counting afresh (the baseline's mails are not the campaign's). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

type Request = { id: number; op: 'accepted' | 'first' | 'reset' };
type Answer = { id: number; value: unknown };

/** The server side, in its own process (`fork`ed below): it must not share the sender's core time. */
async function serve(): Promise<void> {
  let perRecipient = new Map<string, number>();
  let deliveries = 0;
  let first: Buffer | null = null;
  // The tests' sink, keeping nothing per mail (100,000 of them): only the counts and the first mail whole.
  const sink = await startSmtpSink<never>({
    read: (stream, session) =>
      new Promise((resolve) => {
        const chunks: Buffer[] | null = first ? null : [];
        stream.on('data', (chunk: Buffer) => chunks?.push(chunk));
        stream.on('end', () => {
          if (chunks && !first) first = Buffer.concat(chunks);
          for (const { address } of session.envelope.rcptTo) {
            perRecipient.set(address, (perRecipient.get(address) ?? 0) + 1);
            deliveries++;
          }
          resolve([]);
        });
      }),
  });
  process.on('message', (request: Request) => {
    let value: unknown = null;
    if (request.op === 'accepted') value = { deliveries, recipients: perRecipient.size };
    else if (request.op === 'first') value = first?.toString('base64') ?? null;
    else {
      perRecipient = new Map();
      deliveries = 0;
    }
    process.send!({ id: request.id, value } satisfies Answer);
  });
  process.on('disconnect', () => void sink.close().then(() => process.exit(0)));
  process.send!({ port: sink.port });
}

if (process.env.SMTP_COUNTER_SERVE === '1') await serve();

/** Starts the counting SMTP server in a child process; resolves once it listens. */
export async function startSmtpCounter(): Promise<SmtpCounter> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, SMTP_COUNTER_SERVE: '1' } });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`the SMTP counter exited (${code}) before listening`)));
  });
  let nextId = 0;
  const ask = (op: Request['op']) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      const onAnswer = (answer: Answer) => {
        if (answer.id !== id) return;
        child.off('message', onAnswer);
        resolve(answer.value);
      };
      child.on('message', onAnswer);
      child.send({ id, op } satisfies Request);
    });
  return {
    port,
    accepted: async () => (await ask('accepted')) as { deliveries: number; recipients: number },
    firstMessage: async () => {
      const base64 = (await ask('first')) as string | null;
      return base64 === null ? null : Buffer.from(base64, 'base64');
    },
    reset: async () => void (await ask('reset')),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/**
 * Messages/s of bare nodemailer (a pool of min(inFlight, 20) connections, as the product's SMTP
 * transport opens) sending the campaign's first message — its subject, html and text — to
 * `messages` distinct addresses on the counter's server, `inFlight` at a time.
 */
export async function bareNodemailerRate(counter: SmtpCounter, options: { messages: number; inFlight: number }): Promise<number> {
  const raw = await counter.firstMessage();
  if (!raw) throw new Error('The SMTP server has accepted no message to copy');
  const sample = await simpleParser(raw);
  const from = sample.from?.value[0]?.address ?? 'news@bench.example';
  const mail = { from, subject: sample.subject ?? '', html: sample.html || '', text: sample.text ?? '' };
  const transporter = nodemailer.createTransport({
    host: '127.0.0.1',
    port: counter.port,
    ignoreTLS: true,
    pool: true,
    maxConnections: Math.max(1, Math.min(options.inFlight, 20)),
  });
  await counter.reset();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.inFlight }, async () => {
      while (next < options.messages) {
        const n = next++;
        await transporter.sendMail({ ...mail, to: `baseline${n}@example.com` });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transporter.close();
  const { recipients } = await counter.accepted();
  if (recipients !== options.messages) throw new Error(`bare nodemailer: the server accepted ${recipients} of ${options.messages}`);
  return options.messages / seconds;
}
