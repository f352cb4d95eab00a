import { useId, useState } from 'react';
import { Button } from '@colibri/ui';
import { PHOTO_TYPES, photoDataUri } from '../lib/photo';
import type { PhotoProblem } from '../lib/photo';
import { contactsMessages } from '../messages';

/**
 * The photo of the edit form: the current one (a `data:` URI in the draft), choose a JPEG, PNG or
 * WebP file (scaled down to 512 px by lib/photo), or remove it. Problems are said, not thrown.
 */
export function PhotoField({ value, onChange }: { value: string; onChange: (uri: string) => void }) {
  const id = useId();
  const [problem, setProblem] = useState<PhotoProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const t = contactsMessages;
  const shown = /^(data:image\/|blob:)/i.test(value) ? value : null;
  return (
    <fieldset className="contacts-editor__section contacts-editor__photo">
      <legend>{t.photo}</legend>
      {shown ? (
        <img className="contacts-photo" src={shown} alt={t.photoCurrent} width={56} height={56} />
      ) : null}
      <label htmlFor={id}>{value ? t.photoReplace : t.photoChoose}</label>
      <input
        id={id}
        type="file"
        accept={PHOTO_TYPES.join(',')}
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          setBusy(true);
          setProblem(null);
          void photoDataUri(file)
            .then((result) => {
              if (result.ok) onChange(result.uri);
              else setProblem(result.problem);
            })
            .finally(() => setBusy(false));
        }}
      />
      <p className="contacts-editor__hint">{t.photoLimits}</p>
      {busy ? <p role="status">{t.photoPreparing}</p> : null}
      {problem ? (
        <p role="alert" className="contacts-editor__error">
          {t.photoProblems[problem]}
        </p>
      ) : null}
      {value ? (
        <Button variant="ghost" onClick={() => onChange('')}>
          {t.photoRemove}
        </Button>
      ) : null}
    </fieldset>
  );
}
