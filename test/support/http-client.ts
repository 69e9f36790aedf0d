/**
 * Real HTTP to a server on 127.0.0.1 with any Host header — what a browser does for
 * {subdomain}.localhost (fetch refuses to override Host). Bounded in time.
 */
import { request } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function httpRequest(
  port: number,
  options: {
    method?: string;
    host: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    /** The source address to send from (any of 127.0.0.0/8 on loopback): a distinct client IP. */
    localAddress?: string;
  },
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: options.host, ...options.headers },
        timeout: 10_000,
        ...(options.localAddress && { localAddress: options.localAddress }),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out: ${options.method ?? 'GET'} ${options.host}${options.path}`)));
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}
