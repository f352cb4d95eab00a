/**
 * In-process news that credentials were withdrawn here (a logout, a token revocation), so that
 * open push connections re-check theirs at once instead of at their next periodic check.
 */
export class CredentialEvents {
  readonly #listeners = new Set<() => void>();

  /** Calls `listener` after each withdrawal; returns the function that stops it. */
  onWithdrawn(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  withdrawn(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
