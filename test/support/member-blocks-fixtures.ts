/**
 * A site whose members hold different offers, and a document with a Show if… per rule and an
 * unlocked-courses repeat, for the integration suite of these blocks.
 */
import type { DocNode, EmailContent } from '../../src/template/index.ts';
import type { TestApp } from './test-app.ts';
import { mergeField, paragraph, textNode as text } from './documents.ts';
import { apiOk } from './fixtures.ts';

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

export async function createMembershipSite(t: TestApp, subdomain: string): Promise<MembershipSite> {
  const { id: siteId } = await apiOk(t, 'POST', '/api/sites', { title: 'Music School', subdomain, supportEmail: `help@${subdomain}.example` }, 201);
  const item = async (kind: string, title: string, description: string): Promise<string> =>
    (await apiOk(t, 'POST', `/api/sites/${siteId}/content`, { kind, title, description }, 201)).id;
  const piano = await item('course', 'Piano basics', 'Scales and your first song');
  const guitar = await item('course', 'Guitar chords', 'Strum along in a week');
  const lounge = await item('community', "Players' lounge", 'Talk shop with other students');
  const offer = async (title: string, itemIds: string[]): Promise<string> => (await apiOk(t, 'POST', `/api/sites/${siteId}/offers`, { title, itemIds }, 201)).id;
  return { siteId, subdomain, piano, guitar, lounge, pianoOffer: await offer('Piano plan', [piano, lounge]), guitarOffer: await offer('Guitar plan', [guitar]) };
}

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
        paragraph(text('Hello '), mergeField('contact.first_name', 'there'), text(',')),
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
