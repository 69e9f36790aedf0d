import {
  compileSmsToText,
  countSmsSegments,
  fillTemplate,
  LONGEST_PLAUSIBLE_SITE_HOST,
  magicLinkTarget,
  sampleMagicLinkUrl,
  sampleShortLinkUrl,
  SHORT_LINKS_BY_DEFAULT,
  type CustomValue,
  type Slot,
  type SmsContent,
  type SmsSegmentCount,
} from '../../template';

export type { SmsSegmentCount };

/**
 * The SMS as a recipient would get it, with sample values: compiled by the template package like
 * the real send (links become "text: URL"), magic links at their real length — a member link as the
 * short link SMS sends (`{site}/l/{code}`), a staff User Link (never short) with its token — other
 * fields at their catalog sample. Without the site's host, links count on the longest plausible host.
 * The preview's text comes from the server with links of the same length, and is counted by the
 * same countSmsSegments, so the editor and the preview agree.
 */
export function smsSampleText(content: SmsContent, catalog: readonly CustomValue[], siteHost: string | undefined): string {
  const host = siteHost || LONGEST_PLAUSIBLE_SITE_HOST;
  const sampleOf = (slot: Slot): string | undefined => {
    const target = magicLinkTarget(slot.key);
    if (target) {
      return target.kind === 'learner' && SHORT_LINKS_BY_DEFAULT.sms
        ? sampleShortLinkUrl(host)
        : sampleMagicLinkUrl(host, target.destination, target.kind);
    }
    return catalog.find((value) => value.key === slot.key)?.sample;
  };
  return fillTemplate(compileSmsToText(content), sampleOf);
}

export function countSmsMessage(content: SmsContent, catalog: readonly CustomValue[], siteHost: string | undefined): SmsSegmentCount {
  return countSmsSegments(smsSampleText(content, catalog, siteHost));
}
