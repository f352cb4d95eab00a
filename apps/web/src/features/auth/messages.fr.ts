import type { AuthMessages } from './messages';

/** French strings of the auth feature; the type makes every English key required. */
export const authMessagesFr: AuthMessages = {
  loginTitle: 'Connexion à Colibri',
  loginSubtitle: 'Courrier, agenda et contacts sur votre propre serveur.',
  emailLabel: 'Adresse e-mail',
  passwordLabel: 'Mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  wrongCredentials: 'Adresse e-mail ou mot de passe incorrect.',
  tooManyAttempts: 'Trop de tentatives échouées.',
  retryIn: (seconds: number) => `Vous pourrez réessayer dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`,
  badRequest: 'Saisissez votre adresse e-mail et votre mot de passe.',
  network: 'Impossible de joindre Colibri. Vérifiez votre connexion et réessayez.',
  unexpected: 'Une erreur s’est produite de notre côté. Veuillez réessayer.',
  logout: 'Se déconnecter',
  loggingOut: 'Déconnexion…',
  checkingSession: 'Chargement de Colibri…',
  retry: 'Réessayer',
};
