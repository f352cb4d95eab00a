import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TextField } from './text-field';

afterEach(cleanup);

describe('TextField', () => {
  it('associates the label with the input, so that clicking the label focuses it', async () => {
    const user = userEvent.setup();
    render(<TextField label="Email address" name="username" type="email" />);
    const input = screen.getByRole('textbox', { name: 'Email address' });
    expect(input.getAttribute('name')).toBe('username');
    await user.click(screen.getByText('Email address'));
    expect(document.activeElement).toBe(input);
    await user.keyboard('alice@colibri.test');
    expect((input as HTMLInputElement).value).toBe('alice@colibri.test');
  });

  it('keeps a given id and is not invalid without an error', () => {
    render(<TextField label="Subject" id="compose-subject" />);
    const input = screen.getByLabelText('Subject');
    expect(input.id).toBe('compose-subject');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces an error that appears and describes the input with it', async () => {
    const user = userEvent.setup();
    function Form() {
      const [error, setError] = useState<string>();
      return (
        <>
          <TextField label="Password" type="password" error={error} aria-describedby="caps-lock" />
          <button onClick={() => setError('Wrong email address or password.')}>Log in</button>
        </>
      );
    }
    render(<Form />);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Wrong email address or password.');
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // The caller's own description is kept, and the error is added to it.
    expect(input.getAttribute('aria-describedby')?.split(' ')).toEqual(['caps-lock', alert.id]);
  });

  it('links the hint to the input', () => {
    render(<TextField label="Display name" hint="Shown to the people you write to" />);
    const input = screen.getByRole('textbox', { name: 'Display name' });
    const hintId = input.getAttribute('aria-describedby');
    expect(hintId && document.getElementById(hintId)?.textContent).toBe('Shown to the people you write to');
  });

  it('gives each field its own id', () => {
    render(
      <>
        <TextField label="First" />
        <TextField label="Second" />
      </>,
    );
    const ids = screen.getAllByRole('textbox').map((el) => el.id);
    expect(new Set(ids).size).toBe(2);
  });
});
