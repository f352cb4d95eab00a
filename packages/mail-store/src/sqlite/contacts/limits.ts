/** Explicit bounds on what an account may keep in its address books. */
export const contactLimits = {
  maxAddressBooksPerAccount: 100,
  maxCardsPerAccount: 50_000,
  /** A card's JSON in UTF-8 octets (a photo belongs in a blob, not inline). */
  maxCardJsonBytes: 256 * 1024,
  maxAddressBooksPerCard: 20,
  maxNameChars: 255,
  maxDescriptionChars: 4_096,
  /** Email addresses and phones indexed per card. */
  maxAddressesPerCard: 200,
  /** Results of one autocomplete search. */
  maxSearchResults: 200,
  /** Conditions and operators in one card filter. */
  maxFilterConditions: 100,
  /** Cards the `recent` book keeps: the least recently used go beyond it. */
  maxRecentCards: 500,
} as const;
