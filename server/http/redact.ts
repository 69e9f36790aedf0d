/**
 * Text fit for logs: every credential replaced, in whatever encoding it travels. A token rides in a
 * query string (`?token=`), inside another parameter percent-encoded once or twice (the link
 * inspector's `?url=…%3Ftoken%3D…`), HTML-escaped (`&amp;token=`), or bare in a body field — so
 * besides named parameters, anything shaped like a JWS or an API key is redacted wherever it is,
 * and so is a short link's code (`/l/{code}`: a credential in the path).
 */
const REDACTED = '[redacted]';

/** Secret-bearing parameter names (links, API keys, session cookies). */
// `code`: the 6-digit login code a "Have a code?" form posts (server/member/member-pages.ts).
const SECRET_NAMES = 'token|api_key|access_token|key|ml_staff|ml_member|code';
/** `=` raw, percent-encoded once, twice or three times. */
const EQUALS = '(?:=|%3D|%253D|%25253D)';
/** Where a value ends: a separator in any of those encodings, or whitespace/quotes. */
const VALUE = `(?:(?!&|%26|%2526|%252526|#|%23|%2523|;)[^\\s"'<>])*`;

const NAMED_SECRET = new RegExp(`((?:${SECRET_NAMES})${EQUALS})${VALUE}`, 'gi');
/** A compact JWS (header starts `{"` → `eyJ`): three base64url segments. */
const JWS = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g;
/** memberlink API keys (server/auth/api-keys.ts). */
const API_KEY = /mlk_[A-Za-z0-9_-]+/g;

/** A short link's code after `/l/` (raw or percent-encoded once or twice). */
const SHORT_LINK_CODE = /((?:\/|%2F|%252F)l(?:\/|%2F|%252F))[A-Za-z0-9_-]{8,}/gi;

export function redactSecrets(text: string): string {
  return text
    .replace(JWS, REDACTED)
    .replace(API_KEY, REDACTED)
    .replace(NAMED_SECRET, `$1${REDACTED}`)
    .replace(SHORT_LINK_CODE, `$1${REDACTED}`);
}

/** A URL fit for logs. */
export function redactUrl(url: string | undefined): string {
  return redactSecrets(url ?? '');
}

/** An error fit for logs: message and stack redacted (a driver error can quote a query's values). */
export function redactError(error: unknown): { type: string; message: string; stack: string; [key: string]: unknown } {
  const e = error as { name?: string; message?: string; stack?: string; code?: unknown; statusCode?: unknown };
  return {
    type: e?.name ?? typeof error,
    message: redactSecrets(String(e?.message ?? error)),
    stack: redactSecrets(e?.stack ?? ''),
    ...(e?.code !== undefined && { code: e.code }),
    ...(e?.statusCode !== undefined && { statusCode: e.statusCode }),
  };
}
