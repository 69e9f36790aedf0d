/** One rendered SMS ready for a transport. */
export interface SmsEnvelope {
  siteId: string;
  contactId?: string | null;
  /** E.164. */
  to: string;
  body: string;
}
