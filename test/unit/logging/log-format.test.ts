import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { chooseLogFormat, humanLogLine, humanLogStream } from '../../../server/logging/log-format.ts';

const at = Date.UTC(2026, 11, 2, 14, 2, 7);

describe('log format', () => {
  it('is human in a terminal and JSON elsewhere, unless LOG_FORMAT says', () => {
    expect(chooseLogFormat(undefined, true)).toBe('human');
    expect(chooseLogFormat(undefined, false)).toBe('json');
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(chooseLogFormat('human', false)).toBe('human');
  });

  it('writes a request as one short line', () => {
    const record = { level: 30, time: at, pid: 1, hostname: 'h', reqId: 'req-1', request: { method: 'GET', url: '/api/sites', status: 200, ms: 3 } };
    expect(humanLogLine(JSON.stringify(record))).toBe('14:02:07  GET /api/sites  200  3 ms');
  });

  it('writes other records with their level (not for info), message and extra fields', () => {
    expect(humanLogLine(JSON.stringify({ level: 30, time: at, msg: 'Server listening' }))).toBe('14:02:07  Server listening');
    expect(humanLogLine(JSON.stringify({ level: 40, time: at, msg: 'slow send', siteId: 's1', count: 2 }))).toBe(
      '14:02:07  WARN  slow send  siteId=s1  count=2',
    );
    const error = humanLogLine(JSON.stringify({ level: 50, time: at, msg: 'unhandled error', err: { message: 'boom', stack: 'Error: boom\n    at x' } }));
    expect(error).toBe('14:02:07  ERROR  unhandled error\nError: boom\n    at x');
    expect(humanLogLine('not json')).toBeNull();
  });

  it('turns a stream of JSON lines, split anywhere, into human lines', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => (text += chunk));
    const stream = humanLogStream(out);
    const line = JSON.stringify({ level: 30, time: at, msg: 'one' }) + '\n' + JSON.stringify({ level: 30, time: at, msg: 'two' }) + '\n';
    stream.write(line.slice(0, 10));
    stream.write(line.slice(10));
    await new Promise((resolve) => stream.end(resolve));
    expect(text).toBe('14:02:07  one\n14:02:07  two\n');
  });
});
