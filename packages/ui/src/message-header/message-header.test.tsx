import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessageDate } from './format-date';
import { MessageHeader } from './message-header';

afterEach(cleanup);

const props = {
  from: [{ name: 'Bob Durand', email: 'bob@colibri.test' }],
  to: [
    { name: 'Alice Martin', email: 'alice@colibri.test' },
    { name: null, email: 'team@colibri.test' },
  ],
  cc: [{ name: 'Carol Nguyen', email: 'carol@colibri.test' }],
  subject: 'Lunch on Friday?',
  date: '2026-03-12T09:41:00Z',
  locale: 'en-GB',
  timeZone: 'UTC',
};

describe('MessageHeader', () => {
  it('shows the subject as a heading, level 2 unless told otherwise', () => {
    const { rerender } = render(<MessageHeader {...props} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Lunch on Friday?' })).toBeTruthy();
    rerender(<MessageHeader {...props} headingLevel={1} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Lunch on Friday?' })).toBeTruthy();
  });

  it('shows the sender name and address, with a decorative avatar', () => {
    const { container } = render(<MessageHeader {...props} />);
    const from = container.querySelector('.cb-message-header__from');
    expect(from?.textContent).toBe('FromBob Durand <bob@colibri.test>');
    const avatar = container.querySelector('.cb-avatar');
    expect(avatar?.textContent).toBe('BD');
    expect(avatar?.getAttribute('aria-hidden')).toBe('true');
  });

  it('lists To and Cc recipients under their labels, names first, addresses otherwise', () => {
    render(<MessageHeader {...props} />);
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    expect(terms).toEqual(['From', 'To', 'Cc']);
    const [, to, cc] = screen.getAllByRole('definition');
    expect(to?.textContent).toBe('Alice Martin, team@colibri.test');
    expect(within(to!).getByText('Alice Martin').getAttribute('title')).toBe('alice@colibri.test');
    expect(cc?.textContent).toBe('Carol Nguyen');
  });

  it('leaves out empty or missing recipient fields', () => {
    render(
      <MessageHeader {...props} to={null} cc={[]} from={[{ name: null, email: 'noreply@example.com' }]} />,
    );
    expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual(['From']);
    expect(screen.getByRole('definition').textContent).toBe('noreply@example.com');
  });

  it('formats the date for the locale and keeps the ISO in <time dateTime>', () => {
    const { container } = render(<MessageHeader {...props} />);
    const time = container.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-03-12T09:41:00Z');
    expect(time?.textContent).toBe(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
        new Date('2026-03-12T09:41:00Z'),
      ),
    );
    expect(time?.textContent).toContain('12 Mar 2026');
    expect(time?.textContent).toContain('09:41');
  });

  it('translates its labels and date', () => {
    const { container } = render(
      <MessageHeader {...props} locale="fr-FR" labels={{ from: 'De', to: 'À' }} />,
    );
    expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual(['De', 'À', 'Cc']);
    expect(container.querySelector('time')?.textContent).toContain('mars 2026');
  });
});

describe('formatMessageDate', () => {
  it('returns null for a string that is not a date, and the header shows it as is', () => {
    expect(formatMessageDate('not a date')).toBeNull();
    const { container } = render(<MessageHeader {...props} date="not a date" />);
    expect(container.querySelector('time')?.textContent).toBe('not a date');
  });
});
