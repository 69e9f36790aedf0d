/**
 * The process's transports, one per channel, each chosen by its channel module from the delivery
 * configuration (e.g. SMTP when SMTP_URL is set, Twilio when its credentials are, the embedded
 * outbox otherwise). Built once per context on first use.
 */
import type { Channel } from '../../src/template/channel.ts';
import type { AppContext } from '../context.ts';
import type { ChannelTransport } from './channel-transport.ts';
import { channelModule } from './registry.ts';

const byContext = new WeakMap<AppContext, Map<Channel, ChannelTransport<unknown>>>();

export function transportOf(ctx: AppContext, channel: Channel): ChannelTransport<unknown> {
  let transports = byContext.get(ctx);
  if (!transports) byContext.set(ctx, (transports = new Map()));
  let transport = transports.get(channel);
  if (!transport) transports.set(channel, (transport = channelModule(channel).transport(ctx.config.delivery)));
  return transport;
}

/** Closes pooled connections (on shutdown). */
export async function closeTransports(ctx: AppContext): Promise<void> {
  const transports = byContext.get(ctx);
  byContext.delete(ctx);
  for (const transport of transports?.values() ?? []) await transport.close?.();
}
