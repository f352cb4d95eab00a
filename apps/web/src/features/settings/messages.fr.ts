import type { SettingsMessages } from './messages';

/** French strings of the settings feature; the type makes every English key required. */
export const settingsMessagesFr: SettingsMessages = {
  locale: 'fr-FR',
  title: 'Paramètres',
  loading: 'Chargement…',
  loadError: 'Les paramètres n’ont pas pu être chargés.',
  retry: 'Réessayer',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Enregistré.',
  cancel: 'Annuler',
  refused: (detail: string) => `Le serveur a refusé la modification\u00a0: ${detail}`,
  refusedType: (type: string, properties: string[] | undefined, description: string | undefined): string => {
    if (type === 'forbiddenFrom')
      return 'Vous ne pouvez pas envoyer depuis cette adresse\u00a0: elle n’appartient pas à votre compte.';
    if (type === 'forbidden') return description ?? 'Cette modification n’est pas autorisée.';
    if (type === 'invalidProperties')
      return `Valeur incorrecte\u00a0: ${properties?.length ? properties.join(', ') : 'champs'}${description ? ` (${description})` : ''}.`;
    if (type === 'overQuota') return 'Vous avez atteint le nombre maximal autorisé.';
    return description ?? type;
  },
  network: 'Le serveur est injoignable. Rien n’a été enregistré.',
  vacation: {
    heading: 'Réponse automatique',
    intro:
      'Répond automatiquement au courrier reçu pendant votre absence, une fois par expéditeur et par semaine.',
    enabled: 'Envoyer une réponse automatique',
    from: 'Du (facultatif)',
    to: 'Jusqu’au (facultatif)',
    dateHint: 'Heure locale. Laissez vide pour commencer maintenant ou ne jamais s’arrêter.',
    subject: 'Objet',
    subjectHint: 'Vide\u00a0: «\u00a0Auto:\u00a0» suivi de l’objet du message reçu.',
    textBody: 'Message',
    htmlBody: 'Message en HTML (facultatif)',
    htmlHint: 'Envoyé avec le texte brut, pour les logiciels qui affichent la mise en forme.',
    badRange: 'La fin doit être postérieure au début.',
    emptyBody: 'Rédigez le message à envoyer pendant votre absence.',
    status: (on: boolean) => (on ? 'Activée' : 'Désactivée'),
  },
  identities: {
    heading: 'Identités et signatures',
    intro: 'Les noms et adresses depuis lesquels vous écrivez, chacun avec sa signature.',
    listLabel: 'Identités',
    empty: 'Aucune identité pour l’instant.',
    add: 'Ajouter une identité',
    editShort: 'Modifier',
    edit: (name: string) => `Modifier ${name}`,
    removeShort: 'Supprimer',
    remove: (name: string) => `Supprimer ${name}`,
    confirmRemove: (name: string) => `Supprimer l’identité «\u00a0${name}\u00a0»\u202f?`,
    default: 'Par défaut',
    newTitle: 'Nouvelle identité',
    editTitle: (name: string) => `Modification de ${name}`,
    name: 'Nom',
    email: 'Adresse e-mail',
    emailHint: 'Seules les adresses de votre compte sont acceptées.',
    replyTo: 'Répondre à (facultatif)',
    replyToHint: 'Adresses séparées par des virgules.',
    textSignature: 'Signature (texte brut)',
    htmlSignature: 'Signature (HTML, facultatif)',
    badReplyTo: (entry: string) => `«\u00a0${entry}\u00a0» n’est pas une adresse e-mail.`,
    emailRequired: 'Saisissez l’adresse d’envoi.',
    noName: '(sans nom)',
  },
  appearance: {
    heading: 'Apparence et langue',
    intro: 'Enregistré sur cet appareil uniquement.',
    theme: 'Thème',
    themes: { system: 'Comme le système', light: 'Clair', dark: 'Sombre' },
    density: 'Densité',
    densities: { comfortable: 'Confortable', compact: 'Compacte' },
    language: 'Langue',
    languageHint: 'Colibri se recharge pour changer de langue.',
    applyLanguage: 'Appliquer et recharger',
  },
  notifications: {
    heading: 'Notifications',
    intro: 'Enregistré sur cet appareil uniquement.',
    desktop: 'Notifications de bureau pour le nouveau courrier de la boîte de réception',
    blocked:
      'Bloquées par le navigateur. Autorisez les notifications pour ce site dans les réglages du navigateur, puis réessayez.',
    unsupported: 'Ce navigateur ne peut pas afficher de notifications de bureau.',
    granted: 'Autorisées par le navigateur.',
    asking: 'En attente de l’autorisation du navigateur…',
  },
  apiTokens: {
    heading: 'Jetons d’API',
    intro:
      'Pour les autres applications de messagerie et les scripts qui parlent JMAP\u00a0: ils envoient un jeton au lieu de votre mot de passe (Authorization: Bearer). Révoquez un jeton pour couper son accès aussitôt.',
    none: 'Aucun jeton d’API pour l’instant.',
    loading: 'Chargement des jetons…',
    loadError: 'Les jetons n’ont pas pu être chargés.',
    name: 'Nom du nouveau jeton',
    create: 'Créer un jeton',
    created: (name: string) =>
      `Jeton «\u00a0${name}\u00a0» créé. Copiez-le maintenant\u00a0: il n’est affiché qu’une fois.`,
    secretLabel: 'Nouveau jeton',
    copy: 'Copier',
    copied: 'Copié.',
    done: 'Terminé',
    revoke: 'Révoquer',
    revokeLabel: (name: string) => `Révoquer le jeton ${name}`,
    createdOn: (date: string) => `Créé le ${date}`,
    lastUsed: (date: string) => `utilisé le ${date}`,
    neverUsed: 'jamais utilisé',
    failed: (reason: string) => `Échec\u00a0: ${reason}`,
  },
};
