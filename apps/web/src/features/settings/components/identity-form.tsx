import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, TextField } from '@colibri/ui';
import type { Identity } from '@colibri/jmap-types';
import type { IdentityFields } from '../api/identities';
import { formatReplyTo, parseReplyTo } from '../lib/reply-to';
import { settingsMessages } from '../messages';
import { FormFooter } from './form-footer';
import { TextAreaField } from './text-area-field';

const t = settingsMessages.identities;

export interface IdentityFormProps {
  /** The identity to edit, or undefined to create one. */
  identity?: Identity;
  onSave: (fields: IdentityFields) => void;
  onCancel: () => void;
  saving?: boolean;
  /** The server's refusal (forbiddenFrom, invalidProperties, …) in words. */
  error?: string | null;
}

/** RFC 8621 §6: name, address, reply-to and signatures of one identity. */
export function IdentityForm({
  identity,
  onSave,
  onCancel,
  saving = false,
  error = null,
}: IdentityFormProps) {
  const [name, setName] = useState(identity?.name ?? '');
  const [email, setEmail] = useState(identity?.email ?? '');
  const [replyTo, setReplyTo] = useState(formatReplyTo(identity?.replyTo ?? null));
  const [textSignature, setTextSignature] = useState(identity?.textSignature ?? '');
  const [htmlSignature, setHtmlSignature] = useState(identity?.htmlSignature ?? '');
  const [problems, setProblems] = useState<{ email?: string; replyTo?: string }>({});
  const ids = useId();
  const title = identity ? t.editTitle(identity.name || identity.email) : t.newTitle;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseReplyTo(replyTo);
    const next = {
      email: email.trim() === '' ? t.emailRequired : undefined,
      replyTo: 'invalid' in parsed ? t.badReplyTo(parsed.invalid) : undefined,
    };
    setProblems(next);
    if (next.email || 'invalid' in parsed) return;
    onSave({ name: name.trim(), email: email.trim(), replyTo: parsed.replyTo, textSignature, htmlSignature });
  };

  return (
    <form
      className="settings-form settings-form--boxed"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${ids}-title`}
    >
      <h3 id={`${ids}-title`}>{title}</h3>
      <TextField
        label={t.name}
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoComplete="name"
      />
      <TextField
        label={t.email}
        hint={t.emailHint}
        type="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={problems.email}
        // RFC 8621 §6.3: the address of an existing identity cannot change.
        readOnly={identity !== undefined}
        required
      />
      <TextField
        label={t.replyTo}
        hint={t.replyToHint}
        value={replyTo}
        onChange={(event) => setReplyTo(event.target.value)}
        error={problems.replyTo}
      />
      <TextAreaField
        label={t.textSignature}
        rows={4}
        value={textSignature}
        onChange={(event) => setTextSignature(event.target.value)}
      />
      <TextAreaField
        label={t.htmlSignature}
        rows={4}
        value={htmlSignature}
        onChange={(event) => setHtmlSignature(event.target.value)}
      />
      <FormFooter saving={saving} error={error}>
        <Button onClick={onCancel}>{settingsMessages.cancel}</Button>
      </FormFooter>
    </form>
  );
}
