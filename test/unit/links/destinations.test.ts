import { describe, expect, it } from 'vitest';
import { DESTINATIONS, isValidDestination, isValidDestinationFor } from '../../../server/links/destinations.ts';

const ID = '3f2b6c1e-8a4d-4e2f-9b7c-1d2e3f4a5b6c';

describe('magic link destinations', () => {
  it('accepts the fixed sections and one course or community by id', () => {
    expect(DESTINATIONS).toEqual(['', 'courses', 'communities', 'affiliates']);
    for (const dest of [...DESTINATIONS, `courses/${ID}`, `communities/${ID}`]) {
      expect(isValidDestination(dest), dest).toBe(true);
    }
  });

  it.each([
    '//evil.example',
    '/courses',
    'https:evil',
    'https://evil.example',
    'javascript:alert(1)',
    '%2F%2Fevil',
    'courses%2F' + ID,
    'courses/../admin',
    'courses/./' + ID,
    '../courses',
    'courses\\' + ID,
    '\\\\evil.example',
    '\\/evil.example',
    'courses/',
    'courses//' + ID,
    `courses/${ID}/`,
    `courses/${ID}/x`,
    `courses/${ID}?x=1`,
    `courses/${ID}#x`,
    `affiliates/${ID}`,
    `admin/${ID}`,
    'courses/not-a-uuid',
    `courses/${ID.toUpperCase()}`,
    `courses/${ID} `,
    ' courses',
    'Courses',
    'courses\n',
    'courses\u0000',
    'admin',
    'login',
  ])('refuses %j', (dest) => {
    expect(isValidDestination(dest)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 0, ['courses'], { toString: () => 'courses' }]) {
      expect(isValidDestination(value)).toBe(false);
    }
  });

  it('lets staff (user) links land only on the login page', () => {
    expect(isValidDestinationFor('user', '')).toBe(true);
    expect(isValidDestinationFor('user', 'courses')).toBe(false);
    expect(isValidDestinationFor('learner', `communities/${ID}`)).toBe(true);
    expect(isValidDestinationFor('learner', '//evil.example')).toBe(false);
  });
});
