import { contactTextFields, type ContactTextField } from '../../contacts-model.js';

/** The `contact_card_text` column of each text field (migration 39). */
export const textColumnOf: Readonly<Record<ContactTextField, string>> = {
  name: 'name',
  given: 'given',
  surname: 'surname',
  surname2: 'surname2',
  nickname: 'nickname',
  organization: 'organization',
  title: 'title',
  email: 'email',
  phone: 'phone',
  onlineService: 'online_service',
  address: 'address',
  note: 'note',
};

/** The columns in contactTextFields order. */
export const textColumns: readonly string[] = contactTextFields.map((field) => textColumnOf[field]);
