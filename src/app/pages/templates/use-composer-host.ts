import { useCallback, useMemo } from 'react';
import { listContacts } from '../../api/contacts';
import { previewMessage } from '../../api/messages';
import type { Channel, ContentItem, Site } from '../../api/types';
import { memberlinkUpload, type ComposerValue, type ContactSummary, type MagicLinkDestinationOption, type Preview } from 'memberlink/composer';
import { countSmsSegments } from '../../../template';
import { contactName } from '../../ui/format';

/** What the composer needs from the app: destinations, the member host, preview, contact search and image uploads. */
export function useComposerHost(site: Site, channel: Channel, content: ContentItem[]) {
  const destinations = useMemo<MagicLinkDestinationOption[]>(
    () => content.map((item) => ({ value: `${item.kind === 'course' ? 'courses' : 'communities'}/${item.id}`, label: item.title })),
    [content],
  );
  // The member site's origin (scheme and port included), so the SMS counter counts links exactly as sent.
  const { protocol, host } = window.location;
  const siteHost = `${protocol}//${site.subdomain ? `${site.subdomain}.${host}` : host}`;

  const onPreview = useCallback(
    async (value: ComposerValue, contactId: string | null): Promise<Preview> => {
      // No contact: the server fills the catalog's sample values.
      const result = await previewMessage(site.id, { document: value, channel, contactId });
      if (result.channel === 'sms') return { channel: 'sms', text: result.text, segments: countSmsSegments(result.text) };
      return { channel: 'email', subject: result.subject ?? '', html: result.html ?? '', text: result.text };
    },
    [site.id, channel],
  );

  const searchContacts = useCallback(
    async (query: string): Promise<ContactSummary[]> => {
      const { contacts } = await listContacts(site.id, { search: query, limit: 8 });
      return contacts.map((contact) => ({ id: contact.id, name: contactName(contact), email: contact.email ?? contact.phone ?? '' }));
    },
    [site.id],
  );

  // Same origin, the staff session cookie: POST /api/sites/:siteId/media.
  const onUploadImage = useMemo(() => memberlinkUpload({ siteId: site.id }), [site.id]);

  return { destinations, siteHost, onPreview, searchContacts, onUploadImage };
}
