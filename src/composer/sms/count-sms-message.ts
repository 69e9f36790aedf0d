import {
  compileSmsToText,
  countSmsSegments,
  fillTemplate,
  LONGEST_PLAUSIBLE_MAGIC_LINK_LENGTH,
  magicLinkTarget,
  sampleMagicLinkUrl,
  type CustomValue,
  type Slot,
  type SmsContent,
  type SmsSegmentCount,
} from '../../template';

export type { SmsSegmentCount };

/**
 * The SMS as a recipient would get it, with sample values: compiled by the template package like
 * the real send (links become "text: URL"), magic links at their real length with a token, other
 * fields at their catalog sample. Without the site's host, links count at the longest plausible length.
 */
export function smsSampleText(content: SmsContent, catalog: readonly CustomValue[], siteHost: string | undefined): string {
  const sampleOf = (slot: Slot): string | undefined => {
    const target = magicLinkTarget(slot.key);
    if (target) {
      return siteHost
        ? sampleMagicLinkUrl(siteHost, target.destination, target.kind)
        : 'x'.repeat(LONGEST_PLAUSIBLE_MAGIC_LINK_LENGTH);
    }
    return catalog.find((value) => value.key === slot.key)?.sample;
  };
  return fillTemplate(compileSmsToText(content), sampleOf);
}

export function countSmsMessage(content: SmsContent, catalog: readonly CustomValue[], siteHost: string | undefined): SmsSegmentCount {
  return countSmsSegments(smsSampleText(content, catalog, siteHost));
}
