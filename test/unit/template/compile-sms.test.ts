import { describe, expect, it } from 'vitest';
import { compileSmsToText, countSmsSegments, fillTemplate } from '../../../src/template/index';
import type { DocNode } from '../../../src/template/document';
import { GOLDEN_SMS, HOSTILE_NAME, paragraph, text } from './fixtures';

describe('compileSmsToText', () => {
  it('joins paragraphs with newlines, keeps inner blank lines, writes links as `text: URL`', () => {
    const sms = compileSmsToText(GOLDEN_SMS);
    expect(sms.slots).toEqual([
      { key: 'contact.first_name', fallback: 'there', context: 'sms' },
      { key: 'magic_link.courses', context: 'sms' },
      { key: 'magic_link.community.general', context: 'sms' },
    ]);
    const filled = fillTemplate(sms, (slot) =>
      slot.key.startsWith('magic_link.') ? `https://s.example/${slot.key}?token=t&u=1` : HOSTILE_NAME,
    );
    expect(filled).toBe(
      `Hi ${HOSTILE_NAME}!\n\n` +
        'Your courses: https://s.example/magic_link.courses?token=t&u=1\n' +
        'Or open the community: https://s.example/magic_link.community.general?token=t&u=1\n' +
        'https://example.com/help',
    );
    expect(fillTemplate(sms, () => undefined).startsWith('Hi there!')).toBe(true);
  });

  it('drops leading and trailing empty paragraphs (they only cost characters) but keeps inner blank lines', () => {
    const empty = { type: 'paragraph' };
    const blank = paragraph(text(''));
    const sms = (...content: DocNode[]) => fillTemplate(compileSmsToText({ body: { type: 'doc', content } }), () => undefined);
    expect(sms(empty, blank, paragraph(text('One')), empty, empty, paragraph(text('Two')), empty, blank)).toBe('One\n\n\nTwo');
    expect(sms(paragraph(text('Only')))).toBe('Only');
    expect(sms(empty, blank, empty)).toBe('');
    expect(sms()).toBe('');
    // A paragraph holding only a merge field is not empty, even when the field's value may be.
    const field = paragraph({ type: 'mergeField', attrs: { key: 'contact.first_name', fallback: 'there' } });
    const compiled = compileSmsToText({ body: { type: 'doc', content: [empty, field, empty, field, empty] } });
    expect(fillTemplate(compiled, () => 'Ann')).toBe('Ann\n\nAnn');
  });
});

describe('countSmsSegments', () => {
  it('counts plain GSM-7 text', () => {
    expect(countSmsSegments('Hello')).toEqual({
      encoding: 'GSM-7',
      units: 5,
      segments: 1,
      perSegment: 160,
      remaining: 155,
    });
    expect(countSmsSegments('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0, perSegment: 160, remaining: 160 });
  });

  it('accepts the whole GSM-7 basic table and rejects look-alikes outside it', () => {
    const basic =
      '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ ÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿' +
      'abcdefghijklmnopqrstuvwxyzäöñüà';
    expect(countSmsSegments(basic)).toMatchObject({ encoding: 'GSM-7', units: [...basic].length });
    for (const outside of ['ç', '`', 'á', 'Ê', '\t', '’']) {
      expect(countSmsSegments(`a${outside}`).encoding, outside).toBe('UCS-2');
    }
  });

  it('counts extension characters as two and splits at 153 once past 160', () => {
    expect(countSmsSegments('{}')).toMatchObject({ encoding: 'GSM-7', units: 4 });
    expect(countSmsSegments('^{}\\[~]|€\f')).toMatchObject({ encoding: 'GSM-7', units: 20 });
    expect(countSmsSegments('a'.repeat(156) + '{}')).toEqual({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
      perSegment: 160,
      remaining: 0,
    });
    expect(countSmsSegments('a'.repeat(157) + '{}')).toEqual({
      encoding: 'GSM-7',
      units: 161,
      segments: 2,
      perSegment: 153,
      remaining: 145,
    });
  });

  it('never splits an escape pair across segments', () => {
    // 152 + 2 does not fit 153: the brace opens segment two, which then overflows into a third.
    expect(countSmsSegments('a'.repeat(152) + '{' + 'a'.repeat(152))).toMatchObject({
      units: 306,
      segments: 3,
      remaining: 152,
    });
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7 (70 / 67)', () => {
    expect(countSmsSegments('Hi ж {')).toEqual({ encoding: 'UCS-2', units: 6, segments: 1, perSegment: 70, remaining: 64 });
    expect(countSmsSegments('ж'.repeat(70))).toMatchObject({ segments: 1, remaining: 0 });
    expect(countSmsSegments('ж'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67, remaining: 63 });
  });

  it('counts emoji outside the BMP as two units and keeps surrogate pairs whole', () => {
    expect(countSmsSegments('Hi 😀')).toEqual({ encoding: 'UCS-2', units: 5, segments: 1, perSegment: 70, remaining: 65 });
    expect(countSmsSegments('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1, remaining: 0 });
    // 33 emoji fill 66 of 67 units; the 34th goes whole into segment two.
    expect(countSmsSegments('😀'.repeat(36))).toMatchObject({ units: 72, segments: 2, remaining: 61 });
  });
});
