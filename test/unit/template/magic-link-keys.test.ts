import { describe, expect, it } from 'vitest';
import {
  MAGIC_LINK_BASE_KEYS,
  isMagicLinkKey,
  magicLinkHref,
  magicLinkKey,
  magicLinkTarget,
  parseMagicLinkHref,
} from '../../../src/template/index';

const TABLE = [
  ['magic_link.learner', 'learner', ''],
  ['magic_link.courses', 'learner', 'courses'],
  ['magic_link.communities', 'learner', 'communities'],
  ['magic_link.affiliates', 'learner', 'affiliates'],
  ['magic_link.user', 'user', ''],
  ['magic_link.course.intro-101', 'learner', 'courses/intro-101'],
  ['magic_link.community.general_Chat', 'learner', 'communities/general_Chat'],
] as const;

describe('magic-link keys', () => {
  it.each(TABLE)('%s leads a %s to "%s" and back', (key, kind, destination) => {
    expect(magicLinkTarget(key)).toEqual({ kind, destination });
    expect(magicLinkKey(kind, destination)).toBe(key);
    expect(isMagicLinkKey(key)).toBe(true);
  });

  it('lists the five base keys', () => {
    expect(MAGIC_LINK_BASE_KEYS).toEqual([
      'magic_link.learner',
      'magic_link.courses',
      'magic_link.communities',
      'magic_link.affiliates',
      'magic_link.user',
    ]);
  });

  it('rejects anything else', () => {
    for (const key of [
      'magic_link.course.',
      'magic_link.course.a/b',
      'magic_link.course.a.b',
      'magic_link.courses.x',
      'magic_link.toString',
      'magic_link.constructor',
      'contact.email',
      'magic_link',
    ]) {
      expect(magicLinkTarget(key), key).toBeNull();
    }
    expect(() => magicLinkKey('user', 'courses')).toThrow(RangeError);
    expect(() => magicLinkKey('learner', 'courses/a/b')).toThrow(RangeError);
    expect(() => magicLinkKey('user', 'courses/c1')).toThrow(new RangeError('No magic link leads a user to "courses/c1"'));
    expect(() => magicLinkKey('learner', 'coursesX')).toThrow(RangeError);
  });

  it('answers a key asked again with the same frozen target, also past the bound of what it remembers', () => {
    const first = magicLinkTarget('magic_link.course.c0');
    expect(magicLinkTarget('magic_link.course.c0')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(magicLinkTarget('magic_link.courses'))).toBe(true);
    for (let i = 1; i <= 10_050; i++) expect(magicLinkTarget(`magic_link.community.k${i}`)?.destination).toBe(`communities/k${i}`);
    expect(magicLinkTarget('magic_link.course.c0')).toEqual({ kind: 'learner', destination: 'courses/c0' });
    expect(magicLinkTarget('magic_link.course.a/b')).toBeNull(); // a refusal is remembered as one
    expect(magicLinkTarget('magic_link.course.a/b')).toBeNull();
  });

  it('writes and reads a whole href', () => {
    expect(magicLinkHref('magic_link.courses')).toBe('{{magic_link.courses}}');
    expect(parseMagicLinkHref('{{magic_link.courses}}')).toBe('magic_link.courses');
    expect(parseMagicLinkHref('{{ magic_link.course.intro }}')).toBe('magic_link.course.intro');
    expect(parseMagicLinkHref('{{magic_link.courses}}?x=1')).toBeNull();
    expect(parseMagicLinkHref('{{contact.email}}')).toBeNull();
    expect(parseMagicLinkHref('https://a.example/courses')).toBeNull();
  });
});
