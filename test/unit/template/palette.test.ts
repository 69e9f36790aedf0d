/** The palette is readable: every text colour on the white card, its dark twin on the dark card. */
import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from '../../../server/channels/email/compile-email.ts';
import { compileEmailToMjml, type EmailContent } from '../../../src/template/index';
import { textColorClass } from '../../../src/template/marks/color-marks';
import { EMAIL_CARD, PALETTE } from '../../../src/template/palette';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21, either order. */
function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

// Normal-size text, level AA.
const READABLE = 4.5;

describe('palette contrast', () => {
  it('computes WCAG contrast as the spec defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // #767676 is the well-known lightest grey that passes AA on white (4.54:1).
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(PALETTE.map((entry) => [entry.name, entry] as const))('%s: text reads on the white card, its dark twin on the dark card', (_name, entry) => {
    expect(contrast(entry.text, EMAIL_CARD.light)).toBeGreaterThanOrEqual(READABLE);
    expect(contrast(entry.darkText, EMAIL_CARD.dark)).toBeGreaterThanOrEqual(READABLE);
    // The inline light colour is what a dark card would otherwise show: the twin must be the fix.
    expect(contrast(entry.darkText, EMAIL_CARD.dark)).toBeGreaterThan(contrast(entry.text, EMAIL_CARD.dark));
  });

  it('gives each entry its own name, colours and class', () => {
    for (const column of ['name', 'text', 'darkText', 'highlight'] as const) expect(new Set(PALETTE.map((entry) => entry[column])).size, column).toBe(PALETTE.length);
    expect(new Set(PALETTE.map(textColorClass)).size).toBe(PALETTE.length);
    for (const entry of PALETTE) expect(textColorClass(entry)).toMatch(/^ml-text-color--[a-z]+$/);
  });
});

describe('coloured text in dark mode', () => {
  const content: EmailContent = {
    subject: 'Colours',
    previewText: '',
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: PALETTE.map((entry) => ({ type: 'text', text: `${entry.name} `, marks: [{ type: 'textColor', attrs: { color: entry.text } }] })),
        },
      ],
    },
  };
  const darkBlock = (mjml: string) => {
    const start = mjml.indexOf('@media (prefers-color-scheme: dark)');
    expect(start).toBeGreaterThan(-1);
    return mjml.slice(start, mjml.indexOf('</mj-style>', start));
  };

  it('marks each coloured span with its entry class and gives every entry a dark rule', () => {
    const { mjml } = compileEmailToMjml(content);
    const dark = darkBlock(mjml);
    expect(dark).toContain(`background-color: ${EMAIL_CARD.dark} !important`);
    for (const entry of PALETTE) {
      expect(mjml).toContain(`<span class="ml-text-color ${textColorClass(entry)}" style="color:${entry.text}">${entry.name} </span>`);
      expect(dark).toContain(`.ml-email-card .${textColorClass(entry)} { color: ${entry.darkText} !important; }`);
      // On a highlight's pale tint the light colour is the readable one, whichever span is outside.
      expect(dark).toContain(
        `.ml-email-card .ml-highlight .${textColorClass(entry)}, .ml-email-card .${textColorClass(entry)} .ml-highlight { color: ${entry.text} !important; }`,
      );
    }
  });

  it('passes MJML strict validation and keeps the rules in the HTML', async () => {
    const compiled = await compileEmailTemplate(content);
    expect(compiled.warnings).toEqual([]);
    const html = compiled.html.parts.join('');
    for (const entry of PALETTE) expect(html).toContain(`.${textColorClass(entry)} { color: ${entry.darkText} !important; }`);
  });
});
