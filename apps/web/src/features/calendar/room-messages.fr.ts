import type { RoomMessages } from './room-messages';

/** French strings of room booking; the type makes every English key required. */
export const roomMessagesFr: RoomMessages = {
  rooms: 'Salles',
  booked: 'Salles réservées',
  none: 'Aucune salle réservée.',
  show: 'Réserver une salle',
  hide: 'Masquer les salles',
  available: 'Salles disponibles',
  add: (name: string) => `Ajouter ${name}`,
  remove: (name: string) => `Retirer ${name}`,
  addShort: 'Ajouter',
  removeShort: 'Retirer',
  state: {
    free: 'Libre',
    busy: 'Occupée',
    loading: 'Chargement…',
    unknown: 'Inconnue',
    forbidden: 'Non partagée avec vous',
    failed: 'N’a pas pu être chargée',
  },
  loading: 'Chargement des salles…',
  failed: 'Les salles n’ont pas pu être chargées.',
  noRooms: 'Cette organisation n’a pas de salle.',
  room: 'salle',
};
