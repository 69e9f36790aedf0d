/** Every inbound webhook, grouped by how its caller proves itself. */
import { inboundEmailRoute, inboundSmsRoute } from './inbound-hooks.ts';
import { twilioVerifier } from './twilio-verifier.ts';
import type { AnyRouteDef } from '../http/route.ts';
import { accessHookRoute } from './access-hook.ts';
import { hmacVerifier } from './hmac-verifier.ts';
import type { HookGroup } from './verified-hooks.ts';

export const hookGroups: HookGroup[] = [
  { routes: [accessHookRoute, inboundEmailRoute] as AnyRouteDef[], verify: hmacVerifier },
  { routes: [inboundSmsRoute] as AnyRouteDef[], verify: twilioVerifier },
];

export const hookRoutes: AnyRouteDef[] = hookGroups.flatMap((group) => group.routes);
