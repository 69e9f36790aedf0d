/** A URL fit for logs: the values of secret-bearing query parameters replaced. */
const SECRET_PARAMS = /([?&](?:token|key|api_key|access_token)=)[^&#]*/gi;

export function redactUrl(url: string | undefined): string {
  return (url ?? '').replace(SECRET_PARAMS, '$1[redacted]');
}
