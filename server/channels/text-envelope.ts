/** One text message ready for a transport: an SMS, or any channel whose message is its body alone. */
export interface TextEnvelope {
  siteId: string;
  contactId?: string | null;
  /** The contact's address on the channel (for SMS: E.164). */
  to: string;
  body: string;
}
