import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, alias } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { redemptionStatement, type RedemptionWrite } from '../../../server/auth/redemption-write.ts';
import { staffAudience } from '../../../server/auth/staff-login.ts';
import { compileSql } from '../../../server/db/compile-sql.ts';
import { magicLinks, rateLimitWindows } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/database.ts';
import { SqlRateLimiter } from '../../../server/http/rate-limiter.ts';
import { linkRowSql, linkStateSql } from '../../../server/links/link-state.ts';
import type { LinkClaims } from '../../../server/links/link-token.ts';
import { learnerAudience } from '../../../server/member/redeem-learner-link.ts';

const dialect = new PgDialect();
const drizzles = (statement: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return { sql: text, params };
};

const siteId = randomUUID();
const claims: LinkClaims = { iss: siteId, aud: 'learner', sub: randomUUID(), dest: 'courses', iat: 1_700_000_000, exp: 1_700_600_000, jti: 'a'.repeat(22) };
const limiter = new SqlRateLimiter({} as Db, 'redeem', { limit: 30, windowMs: 60_000 }, () => 1_700_000_123_456);
const write = (decide: RedemptionWrite['decide'], audience = learnerAudience): RedemptionWrite => ({
  siteId,
  claims,
  session: audience === learnerAudience ? 'member' : 'staff',
  decide,
  payload: { jti: claims.jti, subjectId: claims.sub, kind: 'learner', destination: 'courses' } as RedemptionWrite['payload'],
  ip: '203.0.113.7',
  now: new Date(1_700_000_123_456),
});
const session = { tokenHash: 'h'.repeat(43), expiresAt: new Date(1_700_086_400_000) };

describe('compileSql', () => {
  it("writes each redemption statement's text and parameters exactly as drizzle does", () => {
    const statements = [
      redemptionStatement(write({ admits: learnerAudience.admitsSql(siteId, claims.sub), useLimit: null, confirmed: false }), session),
      redemptionStatement(write({ admits: learnerAudience.admitsSql(siteId, claims.sub), useLimit: null, confirmed: true, hit: limiter.hitInStatement('ip') }), session),
      redemptionStatement(write({ admits: staffAudience.admitsSql(siteId, claims.sub), useLimit: 1, confirmed: true }, staffAudience), session),
      redemptionStatement(write('decided'), session),
    ];
    for (const statement of statements) {
      // The first of its shape writes the text; the next is given the text kept for the shape.
      for (const time of ['first', 'again']) {
        const compiled = compileSql(statement);
        expect(compiled, time).not.toBeNull();
        expect(compiled, time).toEqual(drizzles(statement));
      }
    }
    // They differ from each other (the test compares something).
    expect(new Set(statements.map((statement) => compileSql(statement)!.sql)).size).toBe(statements.length);
  });

  it('writes link state, a rate-limit hit, identifiers, tables, columns and every kind of value as drizzle does', () => {
    const aliased = alias(magicLinks, 'l2');
    const statements = [
      sql`select ${linkStateSql(claims)} from ${linkRowSql(claims.jti)}`,
      limiter.hitInStatement('203.0.113.7').statement,
      sql`select ${sql.identifier('odd "name"')}, ${magicLinks.jti}, ${aliased.jti} from ${magicLinks}, ${aliased} where ${rateLimitWindows.hits} > ${1}`,
      sql`select ${'text'}, ${42}, ${1.5}, ${true}, ${null}, ${undefined}, ${new Date(0)}, ${Buffer.from('[{"a":1}]')}, ${sql.raw('now()')}, ${sql``}`,
      sql`select ${sql.param(Buffer.from('{}'))}::json`,
      sql`select ${sql.param(new Date(86_400_000), magicLinks.issuedAt)}, ${sql.param(['a', 'b'])}`,
      sql.join([sql`a = ${1}`, sql`b = ${2}`, sql`c = ${'x'}`], sql` and `),
    ];
    for (const statement of statements) {
      for (const time of ['first', 'again']) {
        const compiled = compileSql(statement);
        expect(compiled, `${time}: ${drizzles(statement).sql}`).not.toBeNull();
        expect(compiled, time).toEqual(drizzles(statement));
      }
    }
  });

  it('gives statements of one shape the same text with their own values, and tells apart shapes that differ in any chunk', () => {
    const withValues = (jti: string, hits: number) => sql`select ${magicLinks.jti} from ${magicLinks} where ${magicLinks.jti} = ${jti} and ${rateLimitWindows.hits} > ${hits}`;
    const first = compileSql(withValues('a'.repeat(22), 1))!;
    const second = compileSql(withValues('b'.repeat(22), 2))!;
    expect(second.sql).toBe(first.sql);
    expect(second.params).toEqual(['b'.repeat(22), 2]);
    expect(second).toEqual(drizzles(withValues('b'.repeat(22), 2)));
    // Differing only in one chunk's kind or its text: a name or a literal of the same words, another
    // table, a value or nothing, a nested statement or its text inline.
    const differing = [
      sql`select ${sql.identifier('uses')} from magic_links`,
      sql`select ${sql.raw('uses')} from magic_links`,
      sql`select uses from ${magicLinks}`,
      sql`select uses from ${rateLimitWindows}`,
      sql`select uses from magic_links where ${1} = 1`,
      sql`select uses from magic_links where ${undefined} 1 = 1`,
      sql`select uses from magic_links where ${sql`${1}`} = 1`,
      sql`select uses from magic_links where ${sql`1`} = 1`,
      sql`select ${1}`,
      sql`select ${undefined}`,
      sql`select ${sql.param(2)}`,
    ];
    for (const statement of differing) expect(compileSql(statement), drizzles(statement).sql).toEqual(drizzles(statement));
  });

  it("leaves to drizzle what it doesn't write (lists, inlined values, objects other than bytes as values), and drizzle's answer stands", () => {
    for (const statement of [
      sql`select ${[1, 2, 3]}`,
      sql`select ${'x'}`.inlineParams(),
      sql`select ${sql`${1}`.inlineParams()}`,
      sql`select ${{ some: 'object' }}`,
    ]) {
      expect(compileSql(statement)).toBeNull();
      expect(() => drizzles(statement)).not.toThrow();
    }
  });
});
