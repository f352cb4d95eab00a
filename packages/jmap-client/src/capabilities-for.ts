import { Capability } from '@colibri/jmap-types';
import type { MethodName } from '@colibri/jmap-types';

// RFC 8620 §3.3: a request must list in `using` every capability its methods need; the type
// before the slash says which (RFC 8621 §1.3 for the mail types).
const capabilityOfType: Record<string, string> = {
  Core: Capability.Core,
  Mailbox: Capability.Mail,
  Thread: Capability.Mail,
  Email: Capability.Mail,
  SearchSnippet: Capability.Mail,
  Identity: Capability.Submission,
  EmailSubmission: Capability.Submission,
  VacationResponse: Capability.VacationResponse,
  Calendar: Capability.Calendars,
  CalendarEvent: Capability.Calendars,
  CalendarEventNotification: Capability.Calendars,
  ParticipantIdentity: Capability.Calendars,
  CalendarEventProposal: Capability.CalendarProposals,
  AddressBook: Capability.Contacts,
  ContactCard: Capability.Contacts,
};

/** The `using` list for a set of method names: always core, plus what each method needs. */
export function capabilitiesFor(methods: Iterable<MethodName>): string[] {
  const using = new Set<string>([Capability.Core]);
  for (const method of methods) {
    const type = method.slice(0, method.indexOf('/'));
    const capability = capabilityOfType[type];
    if (capability) using.add(capability);
    // Submission methods also act on mail objects (RFC 8621 §7).
    if (capability === Capability.Submission) using.add(Capability.Mail);
    // Proposals are about calendar events (Colibri's extension of JMAP Calendars).
    if (capability === Capability.CalendarProposals) using.add(Capability.Calendars);
  }
  return [...using];
}
