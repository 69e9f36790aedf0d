/**
 * Show if… and unlocked-items: compiled once through the real MJML compiler (strict), decided per
 * recipient by the fill, in HTML, the text part and SMS.
 */
import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from '../../../server/channels/email/compile-email.ts';
import { compileEmailToText, compileSmsToText, fillTemplate, renderEmailForRecipient, validateEmailContent, type DocNode, type EmailContent } from '../../../src/template/index';
import { NO_FACTS, type RecipientFacts, type RepeatItem } from '../../../src/template/regions';

const text = (value: string): DocNode => ({ type: 'text', text: value });
const p = (value: string): DocNode => ({ type: 'paragraph', content: [text(value)] });
const showIf = (attrs: Record<string, string>, ...content: DocNode[]): DocNode => ({ type: 'showIf', attrs, content });
const email = (...content: DocNode[]): EmailContent => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });

function facts(offers: string[], fields: Record<string, string> = {}, courses: RepeatItem[] = []): RecipientFacts {
  return {
    holdsOffer: (id) => offers.includes(id),
    holdsAnyOffer: () => offers.length > 0,
    customField: (field) => fields[field],
    items: (list) => (list === 'courses' ? courses : []),
  };
}
const links = (slot: { key: string }) => (slot.key.startsWith('magic_link.') ? `https://s.example/${slot.key}?token=T` : undefined);
const COURSES: RepeatItem[] = [
  { id: 'c1', title: 'Piano <basics>', description: 'Scales & songs' },
  { id: 'c2', title: 'Guitar', description: 'Chords' },
];

describe('Show if… and unlocked items', () => {
  it('compile through strict MJML once and fill per recipient, with nothing of the markers left', async () => {
    const compiled = await compileEmailTemplate(
      email(
        p('Intro'),
        showIf({ condition: 'offer', offerId: 'o1' }, p('For holders'), { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Go' } }, { type: 'horizontalRule' }),
        showIf({ condition: 'no_offer' }, { type: 'blockquote', content: [p('Quoted for nobody')] }),
        showIf({ condition: 'offer', offerId: 'o1' }, { type: 'unlockedItems', attrs: { list: 'courses', buttonLabel: 'Start' } }),
        p('Bye'),
      ),
    );
    expect(compiled.warnings).toEqual([]);
    const holder = renderEmailForRecipient(compiled, links, facts(['o1'], {}, COURSES));
    expect(holder.html).toContain('For holders');
    expect(holder.html).toContain('Piano &lt;basics&gt;');
    expect(holder.html).toContain('Scales &amp; songs');
    expect(holder.html).toContain('href="https://s.example/magic_link.course.c1?token=T"');
    expect(holder.html).toContain('href="https://s.example/magic_link.course.c2?token=T"');
    expect(holder.html).not.toContain('Quoted for nobody');
    expect(holder.html).not.toMatch(/ml-slot/);
    expect(holder.text).toBe(
      'Intro\n\nFor holders\n\nGo: https://s.example/magic_link.courses?token=T\n\n---\n\n' +
        'Piano <basics>\nScales & songs\nStart: https://s.example/magic_link.course.c1?token=T\n\n' +
        'Guitar\nChords\nStart: https://s.example/magic_link.course.c2?token=T\n\nBye',
    );
    const nobody = renderEmailForRecipient(compiled, links, NO_FACTS);
    expect(nobody.html).toContain('Quoted for nobody');
    expect(nobody.html).not.toContain('For holders');
    expect(nobody.html).not.toContain('token=');
    expect(nobody.text).toBe('Intro\n\n> Quoted for nobody\n\nBye');
  });

  it('lists the communities a member opened, each card a left-aligned button with its label trimmed', async () => {
    const compiled = await compileEmailTemplate(email({ type: 'unlockedItems', attrs: { list: 'communities', buttonLabel: '  Join  ' } }));
    expect(compiled.warnings).toEqual([]);
    const member: RecipientFacts = { ...facts([]), items: (list) => (list === 'communities' ? [{ id: 'k1', title: 'Choir', description: 'We sing' }] : COURSES) };
    const sent = renderEmailForRecipient(compiled, links, member);
    expect(sent.text).toBe('Choir\nWe sing\nJoin: https://s.example/magic_link.community.k1?token=T');
    expect(sent.html).toContain('<h3 style="margin:0 0 4px;font-size:18px;line-height:1.3">Choir</h3><p style="margin:0 0 8px;color:#52606d">We sing</p>');
    expect(sent.html).toMatch(/<td\s+align="left"[^>]*>\s*<table[^>]*>\s*<tbody>\s*<tr>\s*<td[^>]*>\s*<a\s+href="https:\/\/s.example\/magic_link.community.k1\?token=T"/);
  });

  it('compares a custom field trimmed and case-insensitively; an unset field equals an empty value', async () => {
    const compiled = await compileEmailTemplate(
      email(showIf({ condition: 'field', field: 'plan', value: ' Gold' }, p('Gold')), showIf({ condition: 'field', field: 'plan', value: '' }, p('No plan')), p('End')),
    );
    expect(renderEmailForRecipient(compiled, links, facts([], { plan: 'gold ' })).text).toBe('Gold\n\nEnd');
    expect(renderEmailForRecipient(compiled, links, facts([], { plan: 'silver' })).text).toBe('End');
    expect(renderEmailForRecipient(compiled, links, facts([])).text).toBe('No plan\n\nEnd');
  });

  it('reads the offer and the field of a rule trimmed, and drops its empty blocks from the text part', () => {
    const plain = compileEmailToText(
      email(showIf({ condition: 'offer', offerId: ' o1 ' }, p('Holder'), p(''), p('Thanks')), showIf({ condition: 'field', field: ' plan ', value: 'gold' }, p('Gold'))),
    );
    expect(fillTemplate(plain, links, facts(['o1'], { plan: 'gold' }))).toBe('Holder\n\nThanks\n\nGold');
  });

  it('keeps them at the top level (or in another Show if…), not in a quote or list', () => {
    const quoted = email({ type: 'blockquote', content: [showIf({ condition: 'no_offer' }, p('x'))] });
    expect(validateEmailContent(quoted, [])).toEqual([
      { path: 'body.content[0].content[0]', message: 'Show if… cannot go inside a quote: move it out to the message itself' },
    ]);
    const nested = email(showIf({ condition: 'no_offer' }, showIf({ condition: 'no_offer' }, p('x')), { type: 'unlockedItems', attrs: { list: 'communities' } }));
    expect(validateEmailContent(nested, [])).toEqual([]);
  });

  it('leaves a block without a usable rule out for everyone', async () => {
    const compiled = await compileEmailTemplate(email(showIf({ condition: 'offer', offerId: '' }, p('Lost')), p('Kept')));
    expect(renderEmailForRecipient(compiled, links, facts(['o1'])).html).not.toContain('Lost');
  });

  it('keeps SMS lines right whichever parts are dropped', () => {
    const sms = compileSmsToText({
      body: { type: 'doc', content: [showIf({ condition: 'no_offer' }, p('Join us')), p('Hi'), showIf({ condition: 'offer', offerId: 'o1' }, p('Thanks'), p('')), p('Bye')] },
    });
    expect(fillTemplate(sms, links, facts([]))).toBe('Join us\nHi\nBye');
    expect(fillTemplate(sms, links, facts(['o1']))).toBe('Hi\nThanks\n\nBye');
  });

  it('an author typing a marker-looking word gets it as text', async () => {
    const compiled = await compileEmailTemplate(email(p('ml-slot-0-x region.end'), showIf({ condition: 'no_offer' }, p('x'))));
    const out = renderEmailForRecipient(compiled, links, facts(['o1']));
    expect(out.text).toBe('ml-slot-0-x region.end');
    expect(out.html).toContain('ml&#45;slot-0-x');
  });
});
