/**
 * What an author must fix before a template can be saved or sent. Returns issues, never throws:
 * the input is stored JSON from outside. Paths point at the exact string, node, mark or attribute
 * (`body.content[1].attrs.href`) so the composer can highlight it.
 */
import type { Channel } from './channel';
import { blockName } from './block-names';
import { catalogHas, type CustomValue } from './catalog';
import { isHexColor } from './colors';
import { COLOR_MARKS, PALETTE, paletteColor, type ColorMarkType } from './palette';
import { isCustomValueKey, parseCustomValueTokens } from './custom-value';
import { isDocNode, type DocMark, type DocNode } from './document';
import { isMagicLinkKey } from './magic-link-keys';
import { COLUMN_COUNT } from './nodes/columns';
import { IMAGE_WIDTH } from './nodes/image';
import { asAlignment } from './nodes/alignment';
import { socialNetwork, SOCIAL_NETWORKS } from './social-networks';
import { SPACER_HEIGHT } from './nodes/spacer';
import { HEADING_LEVEL } from './nodes/heading';
import { isWholeNumberIn } from './whole-number';
import { REPEAT_LISTS } from './regions';
import { SERIALIZERS } from './registry';
import { SHOW_IF_CONDITIONS } from './nodes/show-if';
import { hrefWithValues } from './value-fragments';

export interface TemplateIssue {
  path: string;
  /** The custom value concerned, if any. */
  key?: string;
  message: string;
  /**
   * The message still renders as it stands (a missing image description): saving and sending
   * need it fixed, a preview shows the message meanwhile rather than the problem again.
   */
  previewable?: true;
}


interface Check {
  channel: Channel;
  catalog: readonly CustomValue[];
  issues: TemplateIssue[];
  /** Whether any text or merge field was seen: an empty SMS cannot be sent. */
  hasContent: boolean;
}

/** Deeper than any real message; past it a hostile document could exhaust the compiler's stack. */
const MAX_DEPTH = 64;

/**
 * More pieces than any real email (a long newsletter has a few hundred): past it a document is
 * refused before it costs the compiler or the preview seconds of one process's time.
 */
export const MAX_DOCUMENT_NODES = 5_000;

/** What a stored document may hold; anything else (e.g. a 10 MB extra field) is refused by name. */
const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const MARK_KEYS = new Set(['type', 'attrs']);
const CONTENT_KEYS = { email: new Set(['subject', 'previewText', 'body']), sms: new Set(['body']) } as const;

function checkKeys(holder: object, allowed: ReadonlySet<string>, path: string, what: string, check: Check): void {
  for (const key of Object.keys(holder)) {
    if (!allowed.has(key)) {
      check.issues.push({ path: path ? `${path}.${key}` : key, message: `Unknown field "${key}" in ${what}: remove it` });
    }
  }
}

const SMS_NODES = new Set(['doc', 'paragraph', 'text', 'hardBreak', 'mergeField', 'showIf']);

/**
 * Blocks decided per recipient stand at the top level of the message (or in another Show if…): in a
 * quote or a list a dropped part would leave an empty quote line or bullet behind.
 */
const TOP_LEVEL_ONLY: Record<string, string> = {
  showIf: 'Show if…',
  unlockedItems: 'The unlocked items block',
};
const REGION_PARENTS = new Set(['doc', 'showIf']);

/** Blocks an SMS cannot carry, with the reason a marketer needs (others get the generic one). */
const NOT_IN_SMS: Record<string, string> = {
  image: 'An SMS cannot show an image: describe it in words, or link to it',
  socialLinks: 'An SMS cannot show social icons: write the address of your page as a link instead',
  unlockedItems:
    'An SMS cannot list unlocked courses or communities: each card needs its own button. Use one magic link to the Courses or Communities page instead',
};
const SMS_MARKS = new Set(['link']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function attrValue(holder: DocNode | DocMark, name: string): unknown {
  return holder.attrs?.[name];
}

function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * A custom value the catalog knows and a member may receive; false (with the issue recorded) when
 * it is unknown or staff-only (a User Link in a message to members would go out dead or worse).
 */
function checkKnownValue(key: string, path: string, where: string, check: Check): boolean {
  const value = `{{${key}}}`;
  if (!catalogHas(check.catalog, key)) {
    check.issues.push({ path, key, message: `Unknown custom value ${value} in ${where}` });
    return false;
  }
  const known = check.catalog.find((entry) => entry.key === key);
  if (known?.audience === 'staff') {
    check.issues.push({
      path,
      key,
      message: `${known.label} (${value}) in ${where} signs a member of staff into the admin app, and messages go to members: remove it or use a Learner Link`,
    });
    return false;
  }
  if (known?.context === 'login_email') {
    check.issues.push({
      path,
      key,
      message: `${known.label} (${value}) in ${where} is only filled in the login emails memberlink sends ("email me a login link"), never in a message: remove it or use a Learner Link`,
    });
    return false;
  }
  return true;
}

/** Custom values in an author's string: known to the catalog, well formed, allowed here. */
function checkCustomValues(
  text: string,
  path: string,
  where: string,
  check: Check,
  options: { magicLinks: boolean } = { magicLinks: true },
): void {
  for (const token of parseCustomValueTokens(text)) {
    if (token.type === 'value') {
      if (checkKnownValue(token.key, path, where, check) && !options.magicLinks && isMagicLinkKey(token.key)) {
        check.issues.push({
          path,
          key: token.key,
          message: `Magic link {{${token.key}}} cannot be used in ${where}: it would show the login token`,
        });
      }
      continue;
    }
    for (let open = token.text.indexOf('{{'); open !== -1; open = token.text.indexOf('{{', open + 2)) {
      const close = token.text.indexOf('}}', open + 2);
      check.issues.push({
        path,
        message:
          close === -1
            ? `Unclosed "{{" in ${where}: custom values look like {{contact.first_name}}`
            : `Malformed custom value "${token.text.slice(open, close + 2)}" in ${where}`,
      });
      if (close === -1) break;
      open = close;
    }
  }
}

/** In the words of the person writing the email, who sees the block this is shown beside. */
type HrefOwner = 'Link' | 'Button' | 'Image' | 'Image link';

function hrefMessage(what: HrefOwner, value: string): string {
  if (what === 'Image') return value ? 'This image needs an https address (https://…)' : 'This image needs an address: the https link to the picture';
  const thing = what === 'Link' ? 'link' : what === 'Button' ? 'button' : "image's link";
  if (!value) return `This ${thing} has no address: add where it leads`;
  return `This ${thing} leads to "${value}", which can't be used: use a web address (https://…), an email (mailto:) or phone (tel:) address, or a magic link`;
}

function checkHref(href: unknown, path: string, what: HrefOwner, check: Check): void {
  const value = stringOrEmpty(href).trim();
  // An empty address is refused here too (hrefWithValues finds nothing); hrefMessage words it as none.
  if (!hrefWithValues(value, 'url')) check.issues.push({ path, message: hrefMessage(what, value) });
  checkCustomValues(value, path, what.toLowerCase(), check);
}

function checkColor(value: unknown, path: string, check: Check): void {
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'string' || !isHexColor(value)) {
    check.issues.push({ path, message: `Colour ${JSON.stringify(value)} is not a hex colour like #2563eb` });
  }
}

function checkAlign(value: unknown, path: string, what: string, check: Check): void {
  if (value === undefined || value === null || asAlignment(value)) return;
  check.issues.push({ path, message: `${what} alignment must be left, center or right` });
}

/** One network's link: a known network, and an https address of a page on it. */
function checkSocialLink(link: unknown, path: string, check: Check): void {
  const network = socialNetwork(isRecord(link) ? link.network : undefined);
  if (!isRecord(link) || !network) {
    check.issues.push({ path: `${path}.network`, message: `Social links can point to ${SOCIAL_NETWORKS.map((n) => n.label).join(', ')}: pick one of them` });
    return;
  }
  const url = stringOrEmpty(link.url).trim();
  const example = `https://${network.hosts[0]}/…`;
  if (!url) {
    check.issues.push({ path: `${path}.url`, message: `The ${network.label} link has no address: paste the address of your page (${example})` });
    return;
  }
  let host = '';
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && !url.includes('{{') && hrefWithValues(url, 'url')) host = parsed.hostname.toLowerCase();
  } catch {
    // Reported below.
  }
  if (!host) {
    check.issues.push({ path: `${path}.url`, message: `The ${network.label} address "${url}" must be a full https:// address, such as ${example}` });
  } else if (!network.hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) {
    check.issues.push({ path: `${path}.url`, message: `The ${network.label} address goes to ${host}, not ${network.label}: use your page's address (${example})` });
  }
}

/** Rules for the nodes that carry author strings or attributes; other known nodes need none. */
const NODE_RULES: Record<string, (node: DocNode, path: string, check: Check) => void> = {
  text(node, path, check) {
    if (node.text?.trim()) check.hasContent = true;
    checkCustomValues(node.text ?? '', path, 'body', check);
  },
  mergeField(node, path, check) {
    check.hasContent = true;
    const key = stringOrEmpty(attrValue(node, 'key'));
    if (!isCustomValueKey(key)) {
      check.issues.push({ path: `${path}.attrs.key`, message: `Merge field has no valid custom value key` });
    } else {
      checkKnownValue(key, path, 'body', check);
    }
  },
  heading(node, path, check) {
    const level = attrValue(node, 'level');
    if (!isWholeNumberIn(level, HEADING_LEVEL)) {
      check.issues.push({ path: `${path}.attrs.level`, message: `Heading level must be ${HEADING_LEVEL.min} to ${HEADING_LEVEL.max}` });
    }
    checkAlign(attrValue(node, 'align'), `${path}.attrs.align`, 'Heading', check);
  },
  paragraph(node, path, check) {
    checkAlign(attrValue(node, 'align'), `${path}.attrs.align`, 'Paragraph', check);
  },
  button(node, path, check) {
    const label = stringOrEmpty(attrValue(node, 'label'));
    if (!label.trim()) check.issues.push({ path: `${path}.attrs.label`, message: 'This button has no label: write what it says' });
    else checkCustomValues(label, `${path}.attrs.label`, 'button label', check);
    checkHref(attrValue(node, 'href'), `${path}.attrs.href`, 'Button', check);
    checkColor(attrValue(node, 'backgroundColor'), `${path}.attrs.backgroundColor`, check);
    checkColor(attrValue(node, 'textColor'), `${path}.attrs.textColor`, check);
  },
  spacer(node, path, check) {
    const height = attrValue(node, 'height');
    if (!isWholeNumberIn(height, SPACER_HEIGHT)) {
      check.issues.push({
        path: `${path}.attrs.height`,
        message: `Spacer height must be a whole number of pixels from ${SPACER_HEIGHT.min} to ${SPACER_HEIGHT.max}`,
      });
    }
  },
  showIf(node, path, check) {
    const condition = stringOrEmpty(attrValue(node, 'condition'));
    if (!(SHOW_IF_CONDITIONS as readonly string[]).includes(condition)) {
      check.issues.push({ path: `${path}.attrs.condition`, message: 'Show if… needs a rule: holds an offer, holds no offer, or a custom field equals a value' });
    } else if (condition === 'offer' && !stringOrEmpty(attrValue(node, 'offerId')).trim()) {
      check.issues.push({ path: `${path}.attrs.offerId`, message: 'Show if… "holds an offer" needs the offer: pick one' });
    } else if (condition === 'field') {
      const field = stringOrEmpty(attrValue(node, 'field')).trim();
      if (!field) check.issues.push({ path: `${path}.attrs.field`, message: 'Show if… "custom field equals" needs the field: pick one' });
      else if (!catalogHas(check.catalog, `contact.custom.${field}`)) {
        check.issues.push({ path: `${path}.attrs.field`, message: `Show if… uses the custom field "${field}", which no contact of this site has` });
      }
      const value = attrValue(node, 'value');
      if (value !== undefined && value !== null && typeof value !== 'string') {
        check.issues.push({ path: `${path}.attrs.value`, message: 'Show if… compares the field with text: the value must be a string' });
      }
    }
    if ((node.content ?? []).length === 0) check.issues.push({ path, message: 'Show if… is empty: add the blocks it shows' });
  },
  unlockedItems(node, path, check) {
    if (!(REPEAT_LISTS as readonly string[]).includes(stringOrEmpty(attrValue(node, 'list')))) {
      check.issues.push({ path: `${path}.attrs.list`, message: 'The unlocked items block lists "courses" or "communities": pick one' });
    }
    const label = attrValue(node, 'buttonLabel');
    if (label !== undefined && label !== null && typeof label !== 'string') {
      check.issues.push({ path: `${path}.attrs.buttonLabel`, message: 'The card button label must be text' });
    } else checkCustomValues(stringOrEmpty(label), `${path}.attrs.buttonLabel`, 'card button label', check);
  },
  image(node, path, check) {
    checkHref(attrValue(node, 'src'), `${path}.attrs.src`, 'Image', check);
    const alt = stringOrEmpty(attrValue(node, 'alt'));
    // An SMS refuses the image itself; asking for its description there would be noise.
    if (!alt.trim() && check.channel === 'email') {
      check.issues.push({
        path: `${path}.attrs.alt`,
        message: 'Image has no description: say what it shows (for example "Ada at the piano"), for people who cannot see it and for mail apps that hide images',
        previewable: true,
      });
    } else checkCustomValues(alt, `${path}.attrs.alt`, 'image description', check);
    checkCustomValues(stringOrEmpty(attrValue(node, 'title')), `${path}.attrs.title`, 'image title', check);
    const width = attrValue(node, 'width');
    if (width !== undefined && width !== null && !isWholeNumberIn(width, IMAGE_WIDTH)) {
      check.issues.push({
        path: `${path}.attrs.width`,
        message: `Image width must be a whole number of pixels from ${IMAGE_WIDTH.min} to ${IMAGE_WIDTH.max}, or empty for the full width`,
      });
    }
    checkAlign(attrValue(node, 'align'), `${path}.attrs.align`, 'Image', check);
    const href = attrValue(node, 'href');
    if (stringOrEmpty(href).trim() !== '') checkHref(href, `${path}.attrs.href`, 'Image link', check);
  },
  socialLinks(node, path, check) {
    checkAlign(attrValue(node, 'align'), `${path}.attrs.align`, 'Social links', check);
    const links = attrValue(node, 'links');
    if (!Array.isArray(links) || links.length === 0) {
      check.issues.push({ path: `${path}.attrs.links`, message: 'Social links has no links: add the address of at least one of your pages' });
      return;
    }
    links.forEach((link: unknown, i) => checkSocialLink(link, `${path}.attrs.links[${i}]`, check));
  },
};

/**
 * Where a row of columns may stand: at the top level only (an email cannot lay out columns inside a
 * quote, a list or another column), holding 2 or 3 columns of at least one block each.
 */
function checkPlacement(node: DocNode, parentType: string, path: string, check: Check): void {
  if (node.type === 'columns') {
    if (parentType !== 'doc') {
      check.issues.push({ path, message: 'Columns can only be placed in the message itself, not inside a quote, a list or another column' });
    }
    const children = node.content ?? [];
    if (children.length < COLUMN_COUNT.min || children.length > COLUMN_COUNT.max) {
      check.issues.push({ path, message: `Columns must hold ${COLUMN_COUNT.min} or ${COLUMN_COUNT.max} columns, not ${children.length}` });
    }
  } else if (node.type === 'column') {
    if (parentType !== 'columns') check.issues.push({ path, message: 'A column can only be placed in a row of columns' });
    if ((node.content ?? []).length === 0) check.issues.push({ path, message: 'A column is empty: write something in it or remove the columns' });
  } else if (parentType === 'columns') {
    check.issues.push({ path, message: `A row of columns can only hold columns, not "${node.type}"` });
  }
}

function checkMark(mark: DocMark, path: string, check: Check): void {
  checkKeys(mark, MARK_KEYS, path, `"${mark.type}" formatting`, check);
  if (!Object.hasOwn(SERIALIZERS.marks, mark.type)) {
    check.issues.push({ path, message: `Unknown formatting "${mark.type}"` });
  } else if (check.channel === 'sms' && !SMS_MARKS.has(mark.type)) {
    check.issues.push({ path, message: `An SMS cannot contain "${mark.type}" formatting` });
  }
  if (mark.type === 'link') checkHref(attrValue(mark, 'href'), `${path}.attrs.href`, 'Link', check);
  if (Object.hasOwn(COLOR_MARKS, mark.type)) checkPaletteColor(mark, path, check);
}

/** Text colour and highlight take a colour of the palette, nothing else (no CSS, no other hex). */
function checkPaletteColor(mark: DocMark, path: string, check: Check): void {
  const type = mark.type as ColorMarkType;
  const value = attrValue(mark, 'color');
  if (paletteColor(type, value)) return;
  check.issues.push({
    path: `${path}.attrs.color`,
    message: `${COLOR_MARKS[type].label} ${JSON.stringify(value ?? null)} is not a palette colour: pick ${PALETTE.map((entry) => entry.name).join(', ')}`,
  });
}

function checkBody(body: unknown, check: Check): void {
  if (!isDocNode(body) || body.type !== 'doc') {
    check.issues.push({ path: 'body', message: 'The message body is not a document' });
    return;
  }
  // Iterative: a hostile document must produce an issue, not a stack overflow.
  const pending: Array<{ node: DocNode; path: string; depth: number; parentType: string }> = [
    { node: body, path: 'body', depth: 0, parentType: '' },
  ];
  let visited = 0;
  while (pending.length > 0) {
    const { node, path, depth, parentType } = pending.pop()!;
    if (++visited > MAX_DOCUMENT_NODES) {
      check.issues.push({
        path: 'body',
        message: `The message is too long: more than ${MAX_DOCUMENT_NODES.toLocaleString('en-US')} blocks and pieces of text. Split it into several messages`,
      });
      return;
    }
    checkKeys(node, NODE_KEYS, path, `"${node.type}"`, check);
    if (depth > MAX_DEPTH) {
      check.issues.push({ path, message: 'The document is nested too deeply' });
      continue;
    }
    const known = node.type === 'doc' ? depth === 0 : Object.hasOwn(SERIALIZERS.nodes, node.type);
    if (!known) check.issues.push({ path, message: `Unknown content type "${node.type}"` });
    // A row's columns are refused with the row, once.
    else if (check.channel === 'sms' && !SMS_NODES.has(node.type) && parentType !== 'columns') {
      check.issues.push({ path, message: NOT_IN_SMS[node.type] ?? `An SMS cannot contain ${blockName(node.type)}: use plain paragraphs` });
    } else if (check.channel === 'email') checkPlacement(node, parentType, path, check);
    if (Object.hasOwn(TOP_LEVEL_ONLY, node.type) && !REGION_PARENTS.has(parentType)) {
      check.issues.push({ path, message: `${TOP_LEVEL_ONLY[node.type]} cannot go inside ${blockName(parentType)}: move it out to the message itself` });
    }
    if (Object.hasOwn(NODE_RULES, node.type)) NODE_RULES[node.type](node, path, check);
    node.marks?.forEach((mark, i) => checkMark(mark, `${path}.marks[${i}]`, check));
    const children = node.content ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      pending.push({ node: children[i], path: `${path}.content[${i}]`, depth: depth + 1, parentType: node.type });
    }
  }
}

export function validateEmailContent(content: unknown, catalog: readonly CustomValue[]): TemplateIssue[] {
  const check: Check = { channel: 'email', catalog, issues: [], hasContent: false };
  if (!isRecord(content)) return [{ path: '', message: 'The email has no content' }];
  checkKeys(content, CONTENT_KEYS.email, '', 'the email', check);
  const subject = stringOrEmpty(content.subject);
  if (!subject.trim()) check.issues.push({ path: 'subject', message: 'Add a subject' });
  checkCustomValues(subject, 'subject', 'subject', check, { magicLinks: false });
  checkCustomValues(stringOrEmpty(content.previewText), 'previewText', 'preview text', check, {
    magicLinks: false,
  });
  checkBody(content.body, check);
  return check.issues;
}

export function validateSmsContent(content: unknown, catalog: readonly CustomValue[]): TemplateIssue[] {
  const check: Check = { channel: 'sms', catalog, issues: [], hasContent: false };
  if (!isRecord(content)) return [{ path: '', message: 'The SMS has no content' }];
  checkKeys(content, CONTENT_KEYS.sms, '', 'the SMS', check);
  checkBody(content.body, check);
  if (!check.hasContent && !check.issues.some((issue) => issue.path === 'body')) {
    check.issues.push({ path: 'body', message: 'The SMS is empty' });
  }
  return check.issues;
}
