import { describe, expect, it } from 'vitest';
import { isDocNode, type DocNode } from '../../../src/template/index';
import { GOLDEN_EMAIL, GOLDEN_SMS } from './fixtures';

describe('isDocNode', () => {
  it('accepts Tiptap documents', () => {
    expect(isDocNode(GOLDEN_EMAIL.body)).toBe(true);
    expect(isDocNode(GOLDEN_SMS.body)).toBe(true);
    expect(isDocNode({ type: 'doc' })).toBe(true);
  });

  it('rejects anything that is not that shape, at any depth', () => {
    for (const value of [
      null,
      'doc',
      [],
      { type: 1 },
      { type: 'doc', content: {} },
      { type: 'doc', attrs: [] },
      { type: 'doc', content: [{ type: 'text', text: 3 }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{}] }] }] },
      { type: 'doc', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: 'https://a' }] }] },
      { type: 'doc', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }, { type: 7 }] }] },
      { type: 'doc', content: [null] },
    ]) {
      expect(isDocNode(value), JSON.stringify(value)).toBe(false);
    }
  });

  it('handles very deep trees without recursion', () => {
    let deep: DocNode = { type: 'text', text: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', content: [deep] };
    expect(isDocNode(deep)).toBe(true);
  });
});
