/**
 * How long a process may serve what it cached about rarely-changing rows (sites by subdomain,
 * signing-key statuses) that ANOTHER process changed. A change made in this process invalidates
 * at once; across processes it takes effect within this bound (each entry is re-read after it),
 * which costs one indexed query per site or key every few seconds instead of one per request.
 */
export const CACHE_STALENESS_MS = 5_000;
