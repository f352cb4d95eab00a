import type { FindTimeMessages } from './find-time-messages';

/** French strings of "find a time"; the type makes every English key required. */
export const findTimeMessagesFr: FindTimeMessages = {
  open: 'Trouver un créneau',
  close: 'Masquer les disponibilités',
  heading: 'Disponibilités',
  previousDay: 'Jour précédent',
  nextDay: 'Jour suivant',
  nextFree: 'Prochain créneau libre pour tous',
  searching: 'Recherche d’un créneau libre…',
  noFreeSlot: (days: number) => `Aucun créneau libre pour tous dans les ${days} prochains jours.`,
  pick: (time: string) => `Choisir ${time}`,
  people: 'Personnes',
  you: (name: string) => `${name} (vous)`,
  busy: (range: string) => `Occupé ${range}`,
  tentative: (range: string) => `Peut-être occupé ${range}`,
  state: {
    free: 'Libre à cette heure',
    busy: 'Occupé à cette heure',
    loading: 'Chargement des disponibilités…',
    unknown: 'Disponibilités inconnues',
    forbidden: 'Disponibilités non partagées avec vous',
    failed: 'Les disponibilités n’ont pas pu être chargées',
  },
  summary: {
    allFree: 'Toutes les personnes dont on connaît les disponibilités sont libres à cette heure.',
    someBusy: (names: string) => `Occupé(s) à cette heure : ${names}.`,
  },
  tooMany: (max: number) => `Seules les ${max} premières personnes sont affichées.`,
};
