/**
 * The one place that hides magic-link tokens in content a person reads (outbox, threads, inspector).
 * A token is a JWS (`eyJ….….…`: its header is base64url JSON), so it is found whatever encoding
 * the URL around it went through — `?token=`, `&amp;token=`, `%3Ftoken%3D…`, `&#61;` — because
 * base64url characters survive HTML-entity and URL encoding unchanged. Other long values of a
 * `token` parameter are masked too, and so is the code of a short link (`/l/{code}`, always a member
 * link: its subject is not readable from it). Pure: the caller decides, per token, whether it stays live.
 */

import { SHORT_LINK_CODE_LENGTH } from '../../src/template/short-link.ts';

export const TOKEN_MASK = '•••';

export interface FoundToken {
  /** `learner` (member link), `user` (staff sign-in link), or null when the payload can't be read. */
  audience: 'learner' | 'user' | null;
  /** Whose link it is (a contact id or a staff id), when readable. */
  subject: string | null;
}

/** Decides for one token whether the reader may see it live; anything not kept is masked. */
export type KeepToken = (token: FoundToken) => boolean;

const JWS = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g;
/** `token=` / `token%3D` / `token&#61;` / `token&#x3d;` followed by a value that isn't a JWS (or isn't one yet). */
const TOKEN_PARAM = /(token(?:=|%3D|&#61;|&#x3d;))([A-Za-z0-9_.~%-]{16,})/gi;

/** A short link's code after `/l/` (raw or percent-encoded slashes); base64url survives encoding unchanged. */
const SHORT_LINK_CODE = new RegExp(`((?:/|%2F)l(?:/|%2F))([A-Za-z0-9_-]{${SHORT_LINK_CODE_LENGTH}})(?![A-Za-z0-9_-])`, 'gi');
const SHORT_LINK_HOLDER: FoundToken = { audience: 'learner', subject: null };

function readToken(token: string): FoundToken {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { aud?: unknown; sub?: unknown };
    const audience = payload.aud === 'learner' || payload.aud === 'user' ? payload.aud : null;
    return { audience, subject: typeof payload.sub === 'string' ? payload.sub : null };
  } catch {
    return { audience: null, subject: null };
  }
}

export interface MaskResult {
  text: string;
  /** How many tokens were hidden. */
  masked: number;
}

export function maskLinkTokens(content: string, keep: KeepToken = () => false): MaskResult {
  let masked = 0;
  const kept = new Set<string>();
  const withoutJws = content.replace(JWS, (token) => {
    if (keep(readToken(token))) {
      kept.add(token);
      return token;
    }
    masked += 1;
    return TOKEN_MASK;
  });
  const text = withoutJws.replace(TOKEN_PARAM, (whole, name: string, value: string) => {
    if (value === TOKEN_MASK || [...kept].some((token) => value.includes(token))) return whole;
    masked += 1;
    return name + TOKEN_MASK;
  });
  const withoutShortCodes = text.replace(SHORT_LINK_CODE, (whole, path: string) => {
    if (keep(SHORT_LINK_HOLDER)) return whole;
    masked += 1;
    return path + TOKEN_MASK;
  });
  return { text: withoutShortCodes, masked };
}

/** The same for an optional field (null stays null). */
export function maskOptional(content: string | null, keep?: KeepToken): { text: string | null; masked: number } {
  return content === null ? { text: null, masked: 0 } : maskLinkTokens(content, keep);
}
