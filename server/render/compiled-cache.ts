/**
 * Compiled templates kept in memory, least recently used first out. Keys name an immutable
 * document (`template:{id}:{version}`, `message:{id}`), so an edit — a new version — is simply a
 * new key, and concurrent senders of one version share one compile.
 */
import type { ChannelContent } from '../../src/template/channel.ts';
import { compileMessage, type CompiledMessage } from './compiled-message.ts';

export class CompiledCache {
  readonly #entries = new Map<string, Promise<CompiledMessage>>();

  constructor(readonly capacity = 500) {}

  get size(): number {
    return this.#entries.size;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Stores a compile already done (e.g. before the message row, and so its key, existed). */
  prime(key: string, compiled: CompiledMessage): void {
    this.#entries.set(key, Promise.resolve(compiled));
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  get(key: string, content: () => ChannelContent): Promise<CompiledMessage> {
    const cached = this.#entries.get(key);
    if (cached) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const compiling = compileMessage(content());
    compiling.catch(() => this.#entries.delete(key));
    this.#entries.set(key, compiling);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    return compiling;
  }
}

/** The process's cache (templates are immutable per key, so one cache serves every context). */
export const compiledCache = new CompiledCache();

export const templateCacheKey = (templateId: string, version: number) => `template:${templateId}:${version}`;
export const messageCacheKey = (messageId: string) => `message:${messageId}`;
