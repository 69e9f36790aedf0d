import { describe, expect, it } from 'vitest';
import { chooseChromium, findChromium, SYSTEM_CHROMIUM } from '../../support/chromium-binary.ts';
import { existsSync } from 'node:fs';

describe('which Chromium the browser tests use', () => {
  it('takes CHROMIUM_PATH first, and says so when it is wrong', () => {
    expect(chooseChromium({ CHROMIUM_PATH: '/opt/c' }, () => true)).toEqual({ path: '/opt/c', source: 'CHROMIUM_PATH' });
    expect(() => chooseChromium({ CHROMIUM_PATH: '/opt/c' }, () => false)).toThrow('CHROMIUM_PATH=/opt/c does not exist');
  });

  it('then the system binary, then the npm package', () => {
    expect(chooseChromium({}, (path) => path === SYSTEM_CHROMIUM)).toEqual({ path: SYSTEM_CHROMIUM, source: 'system' });
    expect(chooseChromium({}, () => false)).toBeNull();
  });

  it('finds an executable on this machine with nothing installed by hand', async () => {
    const found = await findChromium();
    expect(existsSync(found.path)).toBe(true);
  }, 60_000);
});
