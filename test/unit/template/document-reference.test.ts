/** The public document format: the reference, the README table and the example cover every node type. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from '../../../server/channels/email/compile-email.ts';
import { extendCatalog, DEFAULT_CATALOG, validateEmailContent, type DocNode, type EmailContent } from '../../../src/template/index';
import { DOCUMENT_NODES, describeDocumentNodes } from '../../../src/template/document-reference';
import { PALETTE } from '../../../src/template/palette';
import { SERIALIZERS } from '../../../src/template/registry';

const example = JSON.parse(readFileSync('examples/documents/every-block.json', 'utf8')) as EmailContent;
const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## The document format'), readme.indexOf('## Layout'));

function typesIn(node: DocNode, found = new Set<string>()): Set<string> {
  found.add(node.type);
  for (const child of node.content ?? []) typesIn(child, found);
  return found;
}

describe('the document format', () => {
  const known = ['doc', ...Object.keys(SERIALIZERS.nodes)];

  it('describes every node type the compiler knows, and no other', () => {
    expect(DOCUMENT_NODES.map((node) => node.type).sort()).toEqual([...known].sort());
  });

  it('lists every node type in the README', () => {
    for (const type of known) expect(section, type).toContain(`\`${type}\``);
  });

  it('lists the palette in the README, as src/template/palette.ts has it', () => {
    const prose = section.replace(/\s+/g, ' ');
    for (const entry of PALETTE) expect(prose, entry.name).toContain(`${entry.name} \`${entry.text}\` / \`${entry.highlight}\``);
  });

  it('has an example that uses every node type, is valid and compiles through strict MJML', async () => {
    expect([...typesIn(example.body)].sort()).toEqual([...known].sort());
    expect(validateEmailContent(example, extendCatalog(DEFAULT_CATALOG, [{ key: 'plan', label: 'Plan' }]))).toEqual([]);
    expect((await compileEmailTemplate(example)).warnings).toEqual([]);
  });
});

describe('describeDocumentNodes (the OpenAPI description)', () => {
  const linesOf = () => describeDocumentNodes().split('\n');

  it('gives one line per node type, in the reference order', () => {
    const lines = linesOf();
    expect(lines.map((line) => /^- `(\w+)`: /.exec(line)?.[1])).toEqual(DOCUMENT_NODES.map((node) => node.type));
  });

  it('writes each attribute with its meaning, and what the node contains', () => {
    const lines = linesOf();
    expect(lines).toContain('- `heading`: A heading. attrs: level (number 1–6); align (left | center | right, or absent (left)). Contains: inline nodes.');
    expect(lines).toContain('- `spacer`: Empty vertical space. attrs: height (whole pixels 8–160 (default 32)).');
    expect(lines).toContain('- `listItem`: One list entry. Contains: blocks.');
    expect(lines).toContain('- `horizontalRule`: A divider line.');
    expect(lines.find((line) => line.startsWith('- `unlockedItems`'))).toContain(
      'attrs: list (courses | communities); buttonLabel (text on each card\'s button (default "Open")).',
    );
  });
});
