import type { SearchProblem } from './lib/parse-search-query';
import type { SearchMessages } from './messages';

const messages = (count: number) => `${count} message${count > 1 ? 's' : ''}`;

/** French strings of the search feature; the type makes every English key required. */
export const searchMessagesFr: SearchMessages = {
  locale: 'fr-FR',
  label: 'Rechercher dans le courrier',
  placeholder: 'Rechercher (from:, subject:, has:attachment, in:…)',
  submit: 'Rechercher',
  scopeLabel: 'Où chercher',
  scopeAll: 'Tous les dossiers',
  scopeCurrent: (name: string) => `Uniquement dans ${name}`,
  resultsLabel: 'Résultats de la recherche',
  resultsHeading: (query: string) => `Résultats pour «\u00a0${query}\u00a0»`,
  resultCount: (shown: number, total: number | null) =>
    total !== null && total > shown
      ? `Les ${shown} plus récents sur ${total.toLocaleString('fr-FR')} messages`
      : messages(shown),
  loading: 'Recherche…',
  error: 'La recherche a échoué.',
  empty: 'Aucun message ne correspond à cette recherche.',
  nothingToSearch: 'Saisissez ce que vous cherchez.',
  noSubject: '(sans objet)',
  unknownSender: '(expéditeur inconnu)',
  inMailbox: (names: string) => `Dans ${names}`,
  problem: (problem: SearchProblem): string => {
    switch (problem.kind) {
      case 'unknown-mailbox':
        return `Aucun dossier ne s’appelle «\u00a0${problem.value}\u00a0».`;
      case 'bad-value':
        return `«\u00a0${problem.operator}:${problem.value}\u00a0» n’a pas été compris et a été ignoré.`;
      case 'empty-value':
        return `«\u00a0${problem.operator}:\u00a0» attend une valeur\u202f; il a été ignoré.`;
      case 'too-long':
        return `La recherche a été coupée à ses ${problem.max} premiers caractères.`;
      case 'too-many-conditions':
        return `Seules les ${problem.max} premières conditions ont été utilisées.`;
      default: {
        const unknown: never = problem;
        return String(unknown);
      }
    }
  },
  readerEmpty: 'Sélectionnez un résultat pour le lire.',
};
