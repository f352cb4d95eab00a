// The contacts feature's public entry: the route renders ContactsPage; the shell wires
// useAddToContacts into lib/contacts-launcher for the other features (the reader's sender).
export { ContactsPage } from './components/contacts-page';
export { useAddToContacts } from './hooks/use-add-to-contacts';
