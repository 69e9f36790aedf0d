import { describe, expect, it } from 'vitest';
import { channelNamed } from '../../../src/template/channel';

describe('channelNamed', () => {
  it('reads the channel a URL or form names, and nothing else', () => {
    expect(channelNamed('email')).toBe('email');
    expect(channelNamed('sms')).toBe('sms');
    expect([channelNamed('fax'), channelNamed(''), channelNamed(null), channelNamed(undefined)]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
