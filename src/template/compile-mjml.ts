/**
 * Document → MJML, once per template. Custom values become slots, written as sentinels that
 * survive `mjml2html`; `server/channels/email/compile-email.ts` turns the HTML back into a `TextTemplate`.
 */
import { hexColorOr } from './colors';
import { childrenOf, type DocNode, type EmailContent } from './document';
import { collapseLineBreaks } from './escape';
import { colorMarksDarkSchemeCss } from './marks/color-marks';
import { EMAIL_CARD } from './palette';
import { serializer } from './registry';
import { joinWithSentinels } from './sentinels';
import type { EmailStyle, HtmlContext } from './serializer';
import type { Slot } from './slots';
import { concat, concatAll, type Fragment } from './template-fragments';
import { htmlWithValues } from './value-fragments';

export interface EmailCompileOptions {
  /** Hex colour for buttons and links. */
  brandColor?: string;
  /** CSS font-family list, e.g. `Georgia, serif`. */
  fontFamily?: string;
}

export const DEFAULT_EMAIL_STYLE: EmailStyle = {
  brandColor: '#2563eb',
  fontFamily: 'Helvetica, Arial, sans-serif',
};

// Font names, commas, spaces, single quotes and hyphens: enough for any font stack, too little to
// leave a double-quoted attribute or a CSS declaration, so the value needs no escaping.
const FONT_FAMILY = /^[A-Za-z0-9 ,'-]+$/;

function resolveStyle(options: EmailCompileOptions): EmailStyle {
  const fontFamily = options.fontFamily?.trim() ?? '';
  return {
    brandColor: hexColorOr(options.brandColor, DEFAULT_EMAIL_STYLE.brandColor),
    fontFamily: FONT_FAMILY.test(fontFamily) ? fontFamily : DEFAULT_EMAIL_STYLE.fontFamily,
  };
}

/**
 * Dark mode: dark page and card, light text; coloured text switches to its palette entry's dark twin
 * (dark on a highlight); buttons keep their own colours.
 */
const DARK_SCHEME_CSS =
  '@media (prefers-color-scheme: dark) { ' +
  '.ml-email, body { background-color: #111418 !important; } ' +
  `.ml-email-card, .ml-email-card > table { background: ${EMAIL_CARD.dark} !important; background-color: ${EMAIL_CARD.dark} !important; } ` +
  '.ml-email-card div, .ml-email-card p, .ml-email-card li, .ml-email-card h1, .ml-email-card h2, .ml-email-card h3, .ml-email-card blockquote { color: #e6e8eb !important; } ' +
  `${colorMarksDarkSchemeCss('.ml-email-card')}}`;

/** One row of the email: the blocks of each of its columns. */
type Row = DocNode[];

/**
 * Top-level blocks, cut into rows: a columns block is a row of its own (MJML allows no section inside
 * a column); the blocks between them share a one-column row.
 */
function rowsOf(content: EmailContent): Row[] {
  const rows: Row[] = [];
  let run: DocNode[] = [];
  const closeRun = () => {
    if (run.length > 0) rows.push([{ type: 'doc', content: run }]);
    run = [];
  };
  for (const node of childrenOf(content.body)) {
    const columns = serializer.nodeSerializer(node).sectionColumns?.(node);
    if (columns) {
      closeRun();
      rows.push(columns);
    } else {
      run.push(node);
    }
  }
  closeRun();
  return rows.length > 0 ? rows : [[{ type: 'doc', content: [] }]];
}

/** White rows that read as one card: the first keeps the top padding, the last the bottom one. */
function sectionElements(content: EmailContent, ctx: HtmlContext): Fragment[] {
  const rows = rowsOf(content);
  return rows.flatMap((columns, i) => {
    const top = i === 0 ? '32px' : '0';
    const bottom = i === rows.length - 1 ? '16px' : '0';
    return [
      `    <mj-section background-color="${EMAIL_CARD.light}" padding="${top} 0 ${bottom}" css-class="ml-email-card">\n`,
      ...columns.flatMap((column) => ['      <mj-column>\n', ctx.columnElements(column), '      </mj-column>\n']),
      '    </mj-section>\n',
    ];
  });
}

export function compileEmailToMjml(
  content: EmailContent,
  options: EmailCompileOptions = {},
): { mjml: string; slots: Slot[] } {
  const style = resolveStyle(options);
  const ctx = serializer.htmlContext(style);
  const previewText = collapseLineBreaks(typeof content.previewText === 'string' ? content.previewText : '').trim();
  const document = concatAll([
    '<mjml>\n',
    '  <mj-head>\n',
    '    <mj-attributes>\n',
    `      <mj-all font-family="${style.fontFamily}" />\n`,
    '      <mj-text font-size="16px" line-height="1.5" color="#1f2933" padding="0 24px" />\n',
    '      <mj-button font-size="16px" font-weight="bold" border-radius="6px" inner-padding="12px 24px" padding="8px 24px 24px" />\n',
    '      <mj-image padding="0 24px 16px" />\n',
    '      <mj-divider padding="8px 24px 24px" />\n',
    '    </mj-attributes>\n',
    // Both schemes are supported: clients that honour prefers-color-scheme apply the rules below
    // instead of inverting colours themselves (the composer's dark preview applies the same rules).
    '    <mj-raw><meta name="color-scheme" content="light dark" /><meta name="supported-color-schemes" content="light dark" /></mj-raw>\n',
    `    <mj-style>${DARK_SCHEME_CSS}</mj-style>\n`,
    previewText ? concat('    <mj-preview>', htmlWithValues(previewText), '</mj-preview>\n') : '',
    '  </mj-head>\n',
    '  <mj-body width="600px" background-color="#f4f5f7" css-class="ml-email">\n',
    ...sectionElements(content, ctx),
    '  </mj-body>\n',
    '</mjml>\n',
  ]);
  const { markup, slots } = joinWithSentinels(document);
  return { mjml: markup, slots };
}
