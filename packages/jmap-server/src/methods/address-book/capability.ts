import type { ContactsAccountCapability } from '@colibri/jmap-types';
import { contactLimits } from '@colibri/mail-store';

/** RFC 9610 §1.4.1: the contacts account capability of the principal's own account. */
export const CONTACTS_ACCOUNT_CAPABILITY: ContactsAccountCapability = {
  maxAddressBooksPerCard: contactLimits.maxAddressBooksPerCard,
  mayCreateAddressBook: true,
};
