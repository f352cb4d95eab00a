import { useId, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import type { EmailAddress } from '@colibri/jmap-types';
import { formatAddress, parseAddressList, uniqueAddresses } from '../lib/addresses';
import { composeMessages } from '../messages';

export interface RecipientFieldProps {
  label: string;
  addresses: EmailAddress[];
  onChange: (addresses: EmailAddress[]) => void;
  /** The id of a <datalist> of suggestions (recently used addresses). */
  suggestionsId?: string;
  /** Told the text being typed (after each change), to fetch suggestions for it. */
  onTextChange?: (text: string) => void;
  autoFocus?: boolean;
}

/**
 * A recipient list: addresses as removable chips, and a text input that turns what is typed into
 * chips on comma, semicolon, Enter or leaving the field. What is not an address stays in the
 * input with an error, so nothing typed is lost silently.
 */
export function RecipientField({
  label,
  addresses,
  onChange,
  suggestionsId,
  onTextChange,
  autoFocus,
}: RecipientFieldProps) {
  const [text, setTextState] = useState('');
  const setText = (value: string) => {
    setTextState(value);
    onTextChange?.(value);
  };
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = `${inputId}-error`;

  const commit = (value: string) => {
    const { addresses: parsed, invalid } = parseAddressList(value);
    if (parsed.length > 0) onChange(uniqueAddresses([...addresses, ...parsed]));
    setText(invalid.join(', '));
    setError(invalid.length > 0 ? composeMessages.invalidAddress(invalid[0]!) : null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',' || event.key === ';') && text.trim()) {
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Backspace' && text === '' && addresses.length > 0) {
      onChange(addresses.slice(0, -1));
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (/[,;\n]/.test(pasted)) {
      event.preventDefault();
      commit(`${text}${pasted.replace(/\n/g, ',')}`);
    }
  };

  return (
    <div className={`composer__field composer__recipients${error ? ' composer__field--invalid' : ''}`}>
      <label htmlFor={inputId} className="composer__label">
        {label}
      </label>
      <ul className="composer__chips" aria-label={composeMessages.recipientList(label)}>
        {addresses.map((address) => (
          <li key={address.email.toLowerCase()} className="composer__chip">
            <span title={address.email}>{address.name || address.email}</span>
            <button
              type="button"
              className="composer__chip-remove"
              aria-label={composeMessages.removeRecipient(address.email)}
              onClick={() => onChange(addresses.filter((a) => a !== address))}
            >
              ×
            </button>
          </li>
        ))}
        <li className="composer__chip-input">
          <input
            id={inputId}
            type="text"
            inputMode="email"
            autoComplete="off"
            list={suggestionsId}
            autoFocus={autoFocus}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              const value = event.target.value;
              // A suggestion picked from the list arrives whole: take it at once.
              if (suggestionsId && /<[^<>]+@[^<>]+>$/.test(value.trim()) && !value.includes(','))
                commit(value);
              else setText(value);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onBlur={() => text.trim() && commit(text)}
          />
        </li>
      </ul>
      {error && (
        <p id={errorId} role="alert" className="composer__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The suggestions for every recipient field of a composer, as a <datalist>. */
export function AddressSuggestions({ id, addresses }: { id: string; addresses: EmailAddress[] }) {
  return (
    <datalist id={id}>
      {addresses.map((address) => (
        <option key={address.email.toLowerCase()} value={formatAddress(address)} />
      ))}
    </datalist>
  );
}
