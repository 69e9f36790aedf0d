/**
 * The per-process cache of sites by subdomain: every member-site request starts by naming its
 * site, and sites change rarely. Writes in this process (server/sites/site-service.ts) forget
 * the cache at once; a change made by another process shows within CACHE_STALENESS_MS. An
 * unknown subdomain is never cached, so a new site answers as soon as it is created anywhere.
 */
import type { DbOrTx } from '../db/database.ts';
import { CACHE_STALENESS_MS } from '../cache/cache-staleness.ts';
import { findSiteBySubdomain, type Site } from './site-repository.ts';

export interface SiteCacheOptions {
  ttlMs?: number;
  /** Bound on cached subdomains (the cache is cleared when full). */
  maxEntries?: number;
  /** Wall clock for freshness (not the request's `now`). */
  clock?: () => number;
}

export class SiteCache {
  readonly #db: DbOrTx;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #clock: () => number;
  readonly #bySubdomain = new Map<string, { site: Site; checkedAt: number }>();
  /** Bumped by forget(), so a read that started before a write never caches the old row. */
  #generation = 0;

  constructor(db: DbOrTx, options: SiteCacheOptions = {}) {
    this.#db = db;
    this.#ttlMs = options.ttlMs ?? CACHE_STALENESS_MS;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#clock = options.clock ?? Date.now;
  }

  async bySubdomain(subdomain: string): Promise<Site | null> {
    const cached = this.#bySubdomain.get(subdomain);
    if (cached && this.#clock() - cached.checkedAt < this.#ttlMs) return cached.site;
    const generation = this.#generation;
    const site = await findSiteBySubdomain(this.#db, subdomain);
    if (!site) {
      this.#bySubdomain.delete(subdomain);
      return null;
    }
    if (generation === this.#generation) {
      if (this.#bySubdomain.size >= this.#maxEntries) this.#bySubdomain.clear();
      this.#bySubdomain.set(subdomain, { site, checkedAt: this.#clock() });
    }
    return site;
  }

  /** Forget every cached site (a site was created or changed; a subdomain may have moved). */
  forget(): void {
    this.#generation++;
    this.#bySubdomain.clear();
  }
}

/** One cache per database handle, so apps sharing a process (tests) never see each other's sites. */
const caches = new WeakMap<object, SiteCache>();

export function siteCacheOf(db: DbOrTx): SiteCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SiteCache(db);
    caches.set(db, cache);
  }
  return cache;
}
