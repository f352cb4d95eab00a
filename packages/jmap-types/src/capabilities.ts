/** Capability URNs (RFC 8620 §2, RFC 8621 §1.3, RFC 9425 §3). Constants, so that a typo is a compile error. */
export const Capability = {
  Core: 'urn:ietf:params:jmap:core',
  Mail: 'urn:ietf:params:jmap:mail',
  Submission: 'urn:ietf:params:jmap:submission',
  VacationResponse: 'urn:ietf:params:jmap:vacationresponse',
  /** RFC 9425 §3 */
  Quota: 'urn:ietf:params:jmap:quota',
  /** RFC 9404 */
  Blob: 'urn:ietf:params:jmap:blob',
  /** RFC 9007 §3 */
  Mdn: 'urn:ietf:params:jmap:mdn',
  /** RFC 9661 §1.2 */
  Sieve: 'urn:ietf:params:jmap:sieve',
  /** RFC 9610 §1.4.1: AddressBook and ContactCard. */
  Contacts: 'urn:ietf:params:jmap:contacts',
  /** RFC 9670 §1.5.1: Principal and ShareNotification. */
  Principals: 'urn:ietf:params:jmap:principals',
  /** RFC 9670 §1.5.2: only an account capability, never in `using`. */
  PrincipalsOwner: 'urn:ietf:params:jmap:principals:owner',
  /** JMAP Calendars (draft-ietf-jmap-calendars): Calendar, CalendarEvent, ParticipantIdentity. */
  Calendars: 'urn:ietf:params:jmap:calendars',
  /** Colibri's counter-proposals extension: CalendarEventProposal (packages/jmap-server CONTEXT.md). */
  CalendarProposals: 'urn:colibri:params:jmap:calendar-proposals',
  /** RFC 8887 */
  WebSocket: 'urn:ietf:params:jmap:websocket',
  /**
   * Colibri's snooze extension: the Email property `snoozed`, shaped as Cyrus's
   * (`https://cyrusimap.org/ns/jmap/mail`); see packages/jmap-server/CONTEXT.md.
   */
  Snooze: 'urn:colibri:params:jmap:snooze',
} as const;
export type CapabilityUrn = (typeof Capability)[keyof typeof Capability];

/** RFC 8620 §2: the limits the server announces in the core capability. */
export interface CoreCapability {
  maxSizeUpload: number;
  maxConcurrentUpload: number;
  maxSizeRequest: number;
  maxConcurrentRequests: number;
  maxCallsInRequest: number;
  maxObjectsInGet: number;
  maxObjectsInSet: number;
  collationAlgorithms: string[];
}

/** RFC 8621 §1.3.1: the account capability for mail. */
export interface MailAccountCapability {
  maxMailboxesPerEmail: number | null;
  maxMailboxDepth: number | null;
  maxSizeMailboxName: number;
  maxSizeAttachmentsPerEmail: number;
  emailQuerySortOptions: string[];
  mayCreateTopLevelMailbox: boolean;
}

/** The account capability of `Capability.Snooze`: how far ahead a snooze may reach. */
export interface SnoozeAccountCapability {
  maxSnoozeSeconds: number;
}
