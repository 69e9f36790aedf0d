/**
 * A site whose members hold different offers, and a document with a Show if… per rule and an
 * unlocked-courses repeat: shared by the integration suite and the e2e test of these blocks.
 */
import { expect } from 'vitest';
import type { DocNode, EmailContent } from '../../src/template/index.ts';

interface Api {
  api(method: string, url: string, body?: unknown): Promise<{ statusCode: number; body: string; json(): any }>;
}

export interface MembershipSite {
  siteId: string;
  subdomain: string;
  /** Unlocks Piano basics and the Players' lounge community. */
  pianoOffer: string;
  /** Unlocks Guitar chords. */
  guitarOffer: string;
  piano: string;
  guitar: string;
  lounge: string;
}

async function created(res: { statusCode: number; body: string; json(): any }): Promise<string> {
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json().id;
}

export async function createMembershipSite(t: Api, subdomain: string): Promise<MembershipSite> {
  const siteId = await created(await t.api('POST', '/api/sites', { title: 'Music School', subdomain, supportEmail: `help@${subdomain}.example` }));
  const item = (kind: string, title: string, description: string) =>
    t.api('POST', `/api/sites/${siteId}/content`, { kind, title, description }).then(created);
  const piano = await item('course', 'Piano basics', 'Scales and your first song');
  const guitar = await item('course', 'Guitar chords', 'Strum along in a week');
  const lounge = await item('community', "Players' lounge", 'Talk shop with other students');
  const offer = (title: string, itemIds: string[]) => t.api('POST', `/api/sites/${siteId}/offers`, { title, itemIds }).then(created);
  return { siteId, subdomain, piano, guitar, lounge, pianoOffer: await offer('Piano plan', [piano, lounge]), guitarOffer: await offer('Guitar plan', [guitar]) };
}

export async function createMember(t: Api, siteId: string, body: Record<string, unknown>, offerId?: string): Promise<string> {
  const id = await created(await t.api('POST', `/api/sites/${siteId}/contacts`, body));
  if (offerId) {
    const granted = await t.api('POST', `/api/sites/${siteId}/contacts/${id}/access`, { offerId });
    expect(granted.statusCode, granted.body).toBeLessThan(300);
  }
  return id;
}

const text = (value: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

export function showIf(attrs: Record<string, string>, ...content: DocNode[]): DocNode {
  return { type: 'showIf', attrs: { condition: 'offer', offerId: '', field: '', value: '', ...attrs }, content };
}

/** Piano holders get news and a community link; members without an offer an invitation; gold plans a perk; everyone their courses. */
export function membershipEmail(site: MembershipSite): EmailContent {
  return {
    subject: 'This week at the school',
    previewText: '',
    body: {
      type: 'doc',
      content: [
        paragraph(text('Hello '), { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: 'there' } }, text(',')),
        showIf(
          { condition: 'offer', offerId: site.pianoOffer },
          paragraph(text('New piano recital next Friday.')),
          { type: 'button', attrs: { href: '{{magic_link.communities}}', label: 'Join the lounge' } },
        ),
        showIf({ condition: 'no_offer' }, paragraph(text('Pick a plan: '), text('see plans', [{ type: 'link', attrs: { href: 'https://example.com/plans' } }]))),
        showIf({ condition: 'field', field: 'plan', value: 'Gold' }, paragraph(text('Gold perk: a free lesson.'))),
        { type: 'unlockedItems', attrs: { list: 'courses', buttonLabel: 'Start learning' } },
      ],
    },
  };
}
