import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Avatar } from './avatar';
import { AVATAR_TONES, avatarInitials, avatarTone } from './avatar-identity';

afterEach(cleanup);

function toneClass(el: HTMLElement): string | undefined {
  return Array.from(el.classList).find((c) => c.startsWith('cb-avatar--tone-'));
}

describe('avatarInitials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(avatarInitials('Alice Martin')).toBe('AM');
    expect(avatarInitials('  jean-pierre de la fontaine ')).toBe('JF');
    expect(avatarInitials('élodie lefèvre')).toBe('ÉL');
    expect(avatarInitials('"Dupont, Jean"')).toBe('DJ');
    expect(avatarInitials('Zoë')).toBe('Z');
  });

  it('falls back to the address, then to a question mark', () => {
    expect(avatarInitials('', 'jean.dupont@example.fr')).toBe('JD');
    expect(avatarInitials('  ', 'bob@colibri.test')).toBe('B');
    expect(avatarInitials('—', undefined)).toBe('?');
  });
});

describe('avatarTone', () => {
  it('is stable for an address, whatever its case, and within the palette', () => {
    const tone = avatarTone('alice@colibri.test');
    expect(avatarTone('Alice@Colibri.TEST')).toBe(tone);
    expect(avatarTone(' alice@colibri.test ')).toBe(tone);
    for (const email of ['a@x.test', 'b@x.test', 'carol@colibri.test', 'noreply@example.com']) {
      const t = avatarTone(email);
      expect(Number.isInteger(t) && t >= 0 && t < AVATAR_TONES).toBe(true);
    }
  });

  it('spreads addresses over several tones', () => {
    const tones = new Set(Array.from({ length: 40 }, (_, i) => avatarTone(`user${i}@colibri.test`)));
    expect(tones.size).toBeGreaterThanOrEqual(6);
  });
});

describe('Avatar', () => {
  it('is an image labelled with the name, showing the initials', () => {
    render(<Avatar name="Alice Martin" email="alice@colibri.test" />);
    const img = screen.getByRole('img', { name: 'Alice Martin' });
    expect(img.textContent).toBe('AM');
  });

  it('keeps the colour of the address when the display name changes', () => {
    render(
      <>
        <Avatar name="Alice Martin" email="alice@colibri.test" />
        <Avatar name="A. Martin (work)" email="ALICE@colibri.test" />
        <Avatar name="Alice Martin" email="bob@colibri.test" />
      </>,
    );
    const [a, b] = screen.getAllByRole('img');
    expect(toneClass(a!)).toBe(`cb-avatar--tone-${avatarTone('alice@colibri.test')}`);
    expect(toneClass(b!)).toBe(toneClass(a!));
  });

  it('is labelled with the address when there is no name, and hidden when decorative', () => {
    render(
      <>
        <Avatar name="" email="noreply@example.com" />
        <Avatar name="Bob Durand" email="bob@colibri.test" decorative size="sm" />
      </>,
    );
    expect(screen.getByRole('img', { name: 'noreply@example.com' }).textContent).toBe('N');
    expect(screen.queryByRole('img', { name: 'Bob Durand' })).toBeNull();
    const hidden = screen.getByText('BD');
    expect(hidden.getAttribute('aria-hidden')).toBe('true');
    expect(hidden.classList.contains('cb-avatar--sm')).toBe(true);
  });
});
