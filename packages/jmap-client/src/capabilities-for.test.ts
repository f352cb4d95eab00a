import { describe, expect, it } from 'vitest';
import { Capability } from '@colibri/jmap-types';
import { capabilitiesFor } from './capabilities-for.js';

describe('capabilitiesFor (RFC 8620 §3.3 `using`)', () => {
  it('AddressBook and ContactCard methods need JMAP Contacts (RFC 9610 §1.4)', () => {
    expect(capabilitiesFor(['AddressBook/get', 'ContactCard/query'])).toEqual([
      Capability.Core,
      Capability.Contacts,
    ]);
  });

  it('mail and submission methods bring the mail capability', () => {
    expect(capabilitiesFor(['EmailSubmission/set'])).toEqual([
      Capability.Core,
      Capability.Submission,
      Capability.Mail,
    ]);
  });
});
