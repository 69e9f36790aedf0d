/**
 * Hands the event loop back (timers, sockets, other requests) before going on. Long work made only
 * of promises — a CSV import, a bulk send on the embedded database, whose queries never wait on
 * I/O — would otherwise run to its end while every request and timer waits.
 */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
