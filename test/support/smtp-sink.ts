/**
 * A real SMTP server on 127.0.0.1 that keeps what arrives, for tests that send over SMTP. Each
 * user says how to read a mail (headers only for thousands, fully parsed for a few) and may
 * refuse recipients.
 */
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

export interface SmtpSink<Mail> {
  port: number;
  received: Mail[];
  close(): Promise<void>;
}

export async function startSmtpSink<Mail>({
  read,
  onRcptTo,
}: {
  /** What one accepted mail adds to `received` (a mail to several recipients may add one entry each). */
  read(stream: Readable, session: SMTPServerSession): Promise<Mail[]>;
  onRcptTo?: SMTPServerOptions['onRcptTo'];
}): Promise<SmtpSink<Mail>> {
  const received: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    ...(onRcptTo && { onRcptTo }),
    onData(stream, session, callback) {
      read(stream, session).then(
        (mails) => {
          received.push(...mails);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client killed mid-transaction resets its connection: the sender's business, not the sink's failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
