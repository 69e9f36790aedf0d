/**
 * How the server's log reads. A person at a terminal gets one short line per request and per
 * event (`14:02:07  GET /api/sites/academy  200  3 ms`); anything else — a pipe, a file, a log
 * collector, or `LOG_FORMAT=json` — gets pino's JSON lines. Both go through the same serializers,
 * so a token is redacted before either format sees it.
 */
import { Writable } from 'node:stream';

export type LogFormat = 'json' | 'human';

/** `LOG_FORMAT` wins; unset, a terminal on stdout means a person is reading. */
export function chooseLogFormat(setting: 'json' | 'human' | undefined, stdoutIsTty: boolean): LogFormat {
  return setting ?? (stdoutIsTty ? 'human' : 'json');
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** pino's bookkeeping fields: not worth a person's attention on the line. */
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'request']);

function clock(time: unknown): string {
  const date = typeof time === 'number' ? new Date(time) : new Date();
  return date.toISOString().slice(11, 19);
}

/** One pino JSON record as a line a person reads; returns null for a record that isn't JSON. */
export function humanLogLine(json: string): string | null {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json);
  } catch {
    return null;
  }
  const time = clock(record.time);
  const request = record.request as { method?: string; url?: string; status?: number; ms?: number } | undefined;
  if (request) {
    return `${time}  ${request.method} ${request.url}  ${request.status}  ${request.ms} ms`;
  }
  const level = LEVEL_NAMES[record.level as number] ?? 'INFO';
  const extras = Object.entries(record)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const error = record.err as { message?: string; stack?: string } | undefined;
  const tail = error?.stack ? `\n${error.stack}` : '';
  return [time, level === 'INFO' ? '' : level, String(record.msg ?? ''), ...extras.filter((e) => !e.startsWith('err='))]
    .filter(Boolean)
    .join('  ') + tail;
}

/** A pino destination that writes human lines to `out`. */
export function humanLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = humanLogLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        if (line !== null) out.write(line + '\n');
      }
      done();
    },
  });
}
