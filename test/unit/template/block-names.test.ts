import { describe, expect, it } from 'vitest';
import { blockName } from '../../../src/template/block-names';

describe('blockName (how messages name a block)', () => {
  it('names known blocks as a marketer would, columns and their column alike', () => {
    expect(blockName('spacer')).toBe('a spacer');
    expect(blockName('bulletList')).toBe('a bulleted list');
    expect(blockName('column')).toBe('columns');
    expect(blockName('columns')).toBe('columns');
  });

  it('quotes a type it has no name for, including names every object inherits', () => {
    expect(blockName('hologram')).toBe('"hologram"');
    expect(blockName('toString')).toBe('"toString"');
    expect(blockName('constructor')).toBe('"constructor"');
  });
});
