/**
 * Server pages are built one way: the escaping `html` template (server/member/html.ts), which
 * escapes every interpolated value unless it is already SafeHtml. Nobody escapes by hand or
 * concatenates markup, so a forgotten escape can't slip in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, sourceFiles } from '../../support/import-graph.ts';

const TEMPLATE = 'server/member/html.ts';
const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

describe('server HTML', () => {
  it('is escaped only by the html template', () => {
    const byHand = sourceFiles('server').filter((file) => file !== TEMPLATE && /\bescapeHtml\s*\(/.test(read(file)));
    expect(byHand).toEqual([]);
  });

  it('is written in html`…` templates, never as markup strings', () => {
    // An opening tag at the start of a plain string or untagged template literal: markup built by hand.
    const markupString = /(?<!html)(['"`])\s*<(?:!doctype|html|head|body|div|p|h1|h2|form|a|main|section|button|table)[\s>]/i;
    const byHand = sourceFiles('server').filter((file) => file !== TEMPLATE && markupString.test(read(file)));
    expect(byHand).toEqual([]);
  });
});
