import { describe, expect, it } from 'vitest';
import { niceCeiling } from '../../../src/app/pages/activity/ActivityChart.tsx';
import { formatElapsed } from '../../../src/app/ui/format.ts';

describe('activity figures as people read them', () => {
  it('tops the chart axis at 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 26, 99, 101, 4999].map(niceCeiling)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 100, 200, 5000]);
  });
  it('rounds time to first login', () => {
    expect(formatElapsed(42)).toBe('42 s');
    expect(formatElapsed(90)).toBe('2 min');
    expect(formatElapsed(3600)).toBe('1 h');
    expect(formatElapsed(3600 + 5 * 60)).toBe('1 h 5 min');
    expect(formatElapsed(86400)).toBe('1 day');
    expect(formatElapsed(1.5 * 86400)).toBe('1.5 days');
  });
});
