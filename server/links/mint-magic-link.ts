/**
 * Minting magic links for a send: one signed token per recipient and magic-link slot, and one
 * magic_links row per token (the token itself is never stored or logged, only its jti).
 *
 * Create one MagicLinkMinter per send or batch. Rows are buffered and written in multi-row
 * INSERTs (`flush()`, and automatically every `batchSize` links). Call `flush()` BEFORE handing
 * the messages to delivery — or `takeRows()` and write them in the statement that delivers them:
 * a link whose row was not written is refused at redemption ('unknown'). A failed flush keeps its
 * rows buffered so it can be retried.
 */
import { KeyObject, randomBytes } from 'node:crypto';
import type { MemberlinkConfig } from '../config.ts';
import type { DbOrTx } from '../db/database.ts';
import { magicLinks } from '../db/schema.ts';
import { insertJsonRows } from '../db/insert-json-rows.ts';
import { adminLoginUrl, memberSiteOrigin, memberSiteUrl } from '../sites/site-urls.ts';
import { shortLinkUrl } from '../../src/template/short-link.ts';
import { UUID_PATTERN } from '../../src/template/uuid.ts';
import { builtLink, linkPrefix, type BuiltLinkValue, type LinkPrefix } from '../../src/template/built-link.ts';
import { isValidDestinationFor } from './destinations.ts';
import type { KeyRing, SigningKey } from './key-ring.ts';
import { LinkTokenSigner, type LinkAudience } from './link-token.ts';
import { hashShortCode } from './short-links.ts';

/** The site policy minting needs (a `sites` row has all of it). */
export interface MintSite {
  id: string;
  subdomain: string | null;
  learnerLinkTtlSeconds: number;
  userLinkTtlSeconds: number;
  /** null = unlimited; 1 = single use. */
  linkMaxUses: number | null;
}

export interface MintRequest {
  site: MintSite;
  kind: LinkAudience;
  /** Contact id (learner) or staff user id (user). */
  subjectId: string;
  /** See destinations.ts; always '' for user links. */
  destination: string;
  /** e.g. 'email' | 'sms'. */
  channel: string;
  /** "staff:<id>", "workflow:<id>", "message:<id>", "member:resend", "system". */
  sentBy: string;
  messageId?: string | null;
  /** Learner links only: send it as a short link (`{member site}/l/{code}`, short-links.ts). */
  shortLink?: boolean;
  now: Date;
}

export interface MintedLink {
  /** Contains the token (or the short link's code): put it in the message, never in a log. */
  url: string;
  /** What the fill writes for it: `url` with its HTML form made once (src/template/slots.ts). */
  value: BuiltLinkValue;
  jti: string;
  expiresAt: Date;
}

/** What the links of one kind and destination share in a minter: their signer and the addresses they follow. */
interface LinkRoute {
  signer: LinkTokenSigner;
  /** The member site's subdomain ('' for user links: the admin app's address). */
  subdomain: string;
  /** `…?token=`, made on first use. */
  tokenPrefix: LinkPrefix | undefined;
  /** A short link's `…/l/`, made on first use. */
  shortPrefix: LinkPrefix | undefined;
}

/** Where a minter gets a site's signing key: a KeyRing, or a test's stand-in with `signingKey` alone. */
export type SigningKeySource = Pick<KeyRing, 'signingKey'> & Partial<Pick<KeyRing, 'cachedSigningKey'>>;

export interface MinterOptions {
  /** Rows per INSERT and the auto-flush threshold. */
  batchSize?: number;
  /** Where the rows go: the magic_links table unless told (a benchmark that measures minting alone sends them elsewhere). */
  writeRows?: (db: DbOrTx, rows: MagicLinkRow[]) => Promise<void>;
}

export type MagicLinkRow = typeof magicLinks.$inferInsert;

const insertMagicLinks = (db: DbOrTx, rows: MagicLinkRow[]) => insertJsonRows(db, magicLinks, rows);

const DEFAULT_BATCH_SIZE = 500;
/** Staff sign-in links are single-use: a sign-in link is a password typed once. */
export const USER_LINK_MAX_USES = 1;

/**
 * A jti is 16 bytes from the CSPRNG. They are cut from a 64 KiB buffer refilled when used up (no
 * byte is ever used twice): one randomBytes call per 4,096 links instead of per link, which was
 * most of a bulk send's minting time (bench/personalise).
 */
const JTI_BYTES = 16;
const JTI_POOL_BYTES = 64 * 1024;
let jtiPool = Buffer.alloc(0);
let jtiOffset = 0;
export function newJti(): string {
  if (jtiOffset + JTI_BYTES > jtiPool.length) {
    jtiPool = randomBytes(JTI_POOL_BYTES);
    jtiOffset = 0;
  }
  const jti = jtiPool.toString('base64url', jtiOffset, jtiOffset + JTI_BYTES);
  jtiOffset += JTI_BYTES;
  return jti;
}

export class MagicLinkMinter {
  readonly #db: DbOrTx;
  readonly #ring: SigningKeySource;
  readonly #config: MemberlinkConfig;
  readonly #batchSize: number;
  readonly #writeRows: (db: DbOrTx, rows: MagicLinkRow[]) => Promise<void>;
  #buffer: MagicLinkRow[] = [];
  #checkedSiteId: string | undefined;
  /** By kind, then destination. */
  readonly #routes: Record<LinkAudience, Map<string, LinkRoute>> = { learner: new Map(), user: new Map() };
  #issuedAt: Date | undefined;
  #expiresAt: Date | undefined;

  constructor(db: DbOrTx, ring: SigningKeySource, config: MemberlinkConfig, options: MinterOptions = {}) {
    this.#db = db;
    this.#ring = ring;
    this.#config = config;
    this.#batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
    this.#writeRows = options.writeRows ?? insertMagicLinks;
  }

  /** Links minted but not yet written. */
  get pending(): number {
    return this.#buffer.length;
  }

  async mint(request: MintRequest): Promise<MintedLink> {
    const known = this.#check(request);
    const signing = this.#ring.cachedSigningKey?.(request.site.id) ?? (await this.#ring.signingKey(request.site.id));
    const link = this.#mintChecked(request, signing, known);
    if (this.#buffer.length >= this.#batchSize) await this.flush();
    return link;
  }

  /**
   * The same link without waiting when nothing needs waiting for: the site's key is cached and
   * this link does not fill the buffer (`mint` then writes it). undefined otherwise: call `mint`.
   * A bulk send mints most of its links this way, with no promise per link.
   */
  mintNow(request: MintRequest): MintedLink | undefined {
    if (this.#buffer.length + 1 >= this.#batchSize) return undefined;
    const known = this.#check(request);
    const signing = this.#ring.cachedSigningKey?.(request.site.id);
    return signing && this.#mintChecked(request, signing, known);
  }

  /**
   * Throws for a request no link may be minted from; returns the route this minter already has
   * for its kind and destination (whose existence proves both valid). What a send's links share
   * is checked once per minter, the subject once per recipient (by the signer).
   */
  #check(request: MintRequest): LinkRoute | undefined {
    const { site, kind, destination, now } = request;
    const known = this.#routes[kind]?.get(destination);
    if (!known) {
      if (kind !== 'learner' && kind !== 'user') throw new RangeError(`Unknown magic link kind "${String(kind)}"`);
      if (!isValidDestinationFor(kind, destination)) {
        throw new RangeError(`"${String(destination)}" is not a valid ${kind} magic link destination`);
      }
    }
    if (site.id !== this.#checkedSiteId && !UUID_PATTERN.test(site.id)) throw new RangeError('Site and subject ids must be UUIDs');
    this.#checkedSiteId = site.id;
    if (!request.channel || !request.sentBy) throw new RangeError('A magic link needs a channel and a sender');
    if (kind === 'learner' && !site.subdomain) throw new Error('The site has no subdomain, so it has no member site to link to');
    if (Number.isNaN(now.getTime())) throw new RangeError('Invalid mint time');
    const ttl = kind === 'learner' ? site.learnerLinkTtlSeconds : site.userLinkTtlSeconds;
    if (!Number.isSafeInteger(ttl) || ttl <= 0) throw new RangeError(`The site's ${kind} link lifetime is not a positive number of seconds`);
    return known;
  }

  /** Signs, buffers the row and builds the address of a request `#check` passed. */
  #mintChecked(request: MintRequest, signing: SigningKey, known: LinkRoute | undefined): MintedLink {
    const { site, kind, subjectId, destination, now } = request;
    const route = this.#route(known, kind, destination, site, signing);
    const ttl = kind === 'learner' ? site.learnerLinkTtlSeconds : site.userLinkTtlSeconds;
    const nowMs = now.getTime();
    const iat = Math.floor(nowMs / 1000);
    const exp = iat + ttl;
    const jti = newJti();
    const token = route.signer.sign(subjectId, iat, exp, jti);
    // A send's links share their instants: one Date each for all of them (rows are never changed).
    if (nowMs !== this.#issuedAt?.getTime()) this.#issuedAt = new Date(nowMs);
    if (exp * 1000 !== this.#expiresAt?.getTime()) this.#expiresAt = new Date(exp * 1000);
    const expiresAt = this.#expiresAt;
    // A short link's code: 16 more bytes from the same pool (never a jti's), stored hashed in the same row.
    const shortCode = request.shortLink && kind === 'learner' ? newJti() : null;

    this.#buffer.push({
      jti,
      siteId: site.id,
      kind,
      subjectId,
      destination,
      kid: signing.kid,
      // The exact instant, not iat's whole second: "revoke all links" compares against it.
      issuedAt: this.#issuedAt,
      expiresAt,
      // A User Link logs in once, whatever the site's learner policy.
      maxUses: kind === 'user' ? USER_LINK_MAX_USES : site.linkMaxUses,
      channel: request.channel,
      sentBy: request.sentBy,
      messageId: request.messageId ?? null,
      shortCodeHash: shortCode && hashShortCode(shortCode),
    });
    // The address is a checked prefix and a base64url tail (the token or the short code).
    const value = shortCode === null ? builtLink(this.#tokenPrefix(route, kind, destination), token) : builtLink(this.#shortPrefix(route), shortCode);
    return { url: value.url, value, jti, expiresAt };
  }

  /**
   * The route for this kind and destination: made once per minter, and again for another site,
   * member site or key (a kid names one secret, so a rotation gets a new signer).
   */
  #route(known: LinkRoute | undefined, kind: LinkAudience, destination: string, site: MintSite, signing: SigningKey): LinkRoute {
    // A user link's address is the admin app's, whatever the site.
    const subdomain = kind === 'user' ? '' : site.subdomain!;
    if (known && known.signer.kid === signing.kid && known.signer.iss === site.id && known.subdomain === subdomain) return known;
    // A stand-in key without its KeyObject (tests) converts to one: the same secret.
    const hmac = signing.hmac ?? KeyObject.from(signing.key);
    const route: LinkRoute = {
      signer: new LinkTokenSigner({ kid: signing.kid, hmac }, { iss: site.id, aud: kind, dest: destination }),
      subdomain,
      tokenPrefix: undefined,
      shortPrefix: undefined,
    };
    this.#routes[kind].set(destination, route);
    return route;
  }

  /**
   * What a link's token (or short code) follows, as text and HTML, made and checked once per
   * route: it must be a safe absolute URL, and a base64url tail keeps it one.
   */
  #tokenPrefix(route: LinkRoute, kind: LinkAudience, destination: string): LinkPrefix {
    return (route.tokenPrefix ??= linkPrefix(
      kind === 'user' ? `${adminLoginUrl(this.#config)}?token=` : `${memberSiteUrl(this.#config, route.subdomain, destination)}?token=`,
    ));
  }

  #shortPrefix(route: LinkRoute): LinkPrefix {
    return (route.shortPrefix ??= linkPrefix(shortLinkUrl(memberSiteOrigin(this.#config, route.subdomain), '')));
  }

  /**
   * Hands over the links minted but not yet written, for the caller to write in its own statement
   * (before any of them is delivered: bulk sends write them with the chunk's deliveries); the
   * minter forgets them.
   */
  takeRows(): MagicLinkRow[] {
    const rows = this.#buffer;
    this.#buffer = [];
    return rows;
  }

  /** Writes every buffered row (through `db`, e.g. a transaction they must commit with); returns how many were written. */
  async flush(db: DbOrTx = this.#db): Promise<number> {
    const rows = this.#buffer;
    if (rows.length === 0) return 0;
    this.#buffer = [];
    let written = 0;
    try {
      for (let i = 0; i < rows.length; i += this.#batchSize) {
        const chunk = rows.slice(i, i + this.#batchSize);
        await this.#writeRows(db, chunk);
        written += chunk.length;
      }
    } catch (error) {
      // Keep what was not written (ahead of anything minted meanwhile) so a retry can write it.
      this.#buffer = [...rows.slice(written), ...this.#buffer];
      throw error;
    }
    return written;
  }
}

/** One link for a single send (resend, staff login link): minted and recorded at once. */
export async function mintMagicLinkNow(
  db: DbOrTx,
  ring: SigningKeySource,
  config: MemberlinkConfig,
  request: MintRequest,
): Promise<MintedLink> {
  const minter = new MagicLinkMinter(db, ring, config);
  const link = await minter.mint(request);
  await minter.flush();
  return link;
}
