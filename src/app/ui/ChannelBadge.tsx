import { CHANNEL_INFO, type Channel } from '../../template/channel';
import { Badge, type BadgeTone } from './Badge';

/** Each channel's badge colour: the app's own look (its name comes from CHANNEL_INFO). */
const TONES: { [C in Channel]: BadgeTone } = { email: 'info', sms: 'good' };

/** A message's or template's channel as a badge ("Email", "SMS"). */
export function ChannelBadge({ channel }: { channel: Channel }) {
  return <Badge tone={TONES[channel]}>{CHANNEL_INFO[channel].label}</Badge>;
}
