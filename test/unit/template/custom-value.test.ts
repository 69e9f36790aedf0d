import { describe, expect, it } from 'vitest';
import {
  formatCustomValue,
  isCustomValueKey,
  parseCustomValueTokens,
  parseWholeCustomValue,
} from '../../../src/template/index';

describe('formatCustomValue', () => {
  it('writes a key, with a quoted fallback when there is one', () => {
    expect(formatCustomValue('contact.first_name')).toBe('{{contact.first_name}}');
    expect(formatCustomValue('contact.first_name', '')).toBe('{{contact.first_name}}');
    expect(formatCustomValue('contact.first_name', null)).toBe('{{contact.first_name}}');
    expect(formatCustomValue('contact.first_name', 'there')).toBe('{{contact.first_name | default: "there"}}');
    expect(formatCustomValue('contact.first_name', 'say "hi" \\o/')).toBe(
      '{{contact.first_name | default: "say \\"hi\\" \\\\o/"}}',
    );
  });

  it('round-trips through the parser', () => {
    for (const fallback of [undefined, 'there', 'say "hi" \\o/', '}} {{', '|']) {
      const tokens = parseCustomValueTokens(formatCustomValue('contact.custom.shoe-size', fallback));
      expect(tokens).toHaveLength(1);
      const [token] = tokens;
      expect(token.type === 'value' && [token.key, token.fallback]).toEqual(['contact.custom.shoe-size', fallback]);
    }
  });
});

describe('parseCustomValueTokens', () => {
  it('splits text and values, with offsets, tolerating inner spaces', () => {
    const text = 'Hi {{ contact.first_name | default: "there" }}, from {{site.title}}';
    expect(parseCustomValueTokens(text)).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'value', key: 'contact.first_name', fallback: 'there', start: 3, end: 46 },
      { type: 'text', text: ', from ' },
      { type: 'value', key: 'site.title', start: 53, end: 67 },
    ]);
    expect(text.slice(53, 67)).toBe('{{site.title}}');
  });

  it('treats an empty fallback as none', () => {
    expect(parseCustomValueTokens('{{site.title | default: ""}}')).toEqual([
      { type: 'value', key: 'site.title', start: 0, end: 28 },
    ]);
  });

  it('keeps malformed sequences as text', () => {
    for (const malformed of [
      '{{contact}}',
      '{{ Contact.name }}',
      '{{contact.first_name',
      '{{contact.first_name | default: there}}',
      '{{contact.first_name | fallback: "x"}}',
      '{{contact.first name}}',
      '{{\ncontact.first_name}}',
      '{contact.first_name}',
    ]) {
      expect(parseCustomValueTokens(malformed), malformed).toEqual([{ type: 'text', text: malformed }]);
    }
    expect(parseCustomValueTokens('{{ oops {{site.title}}')).toEqual([
      { type: 'text', text: '{{ oops ' },
      { type: 'value', key: 'site.title', start: 8, end: 22 },
    ]);
    expect(parseCustomValueTokens('')).toEqual([]);
  });
});

describe('custom value keys', () => {
  it('follow group.segment(.segment)*', () => {
    for (const key of ['contact.first_name', 'magic_link.course.abc-1_X', 'contact.custom.shoe-size']) {
      expect(isCustomValueKey(key), key).toBe(true);
    }
    for (const key of ['contact', 'Contact.name', 'contact.', 'contact..x', 'contact.a b', 'con-tact.x', '']) {
      expect(isCustomValueKey(key), key).toBe(false);
    }
  });

  it('recognise a string that is exactly one value', () => {
    expect(parseWholeCustomValue(' {{ site.url }} ')).toMatchObject({ key: 'site.url' });
    expect(parseWholeCustomValue('{{site.url}}/x')).toBeNull();
    expect(parseWholeCustomValue('https://a.example')).toBeNull();
  });
});
