import { useState } from 'react';
import { signInWithLoginCode } from '../../api/auth';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';

const FIELDS = ['code'] as const;

/**
 * "Have a code?": the 6-digit code from the sign-in email just sent to `email`, for a person whose
 * email is on another device. The server sets the HttpOnly session cookie; `onSignedIn` then
 * re-checks the session. A wrong, expired or locked code and an unknown address read alike.
 */
export function LoginCodeForm({ email, onSignedIn }: { email: string; onSignedIn: () => void }) {
  const [code, setCode] = useState('');
  const { errors, busy, onSubmit } = useFormSubmit(FIELDS);
  const submit = onSubmit(async () => {
    await signInWithLoginCode(email, code);
    onSignedIn();
  });
  return (
    <form className="sign-in-code" onSubmit={submit} noValidate aria-labelledby="sign-in-code-title">
      <h2 id="sign-in-code-title">Have a code?</h2>
      <TextField
        label="6-digit code from the email"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        required
        value={code}
        onChange={setCode}
        error={errors.fields.code}
        hint="On another device? Type the code instead of opening the link. It works for 10 minutes."
      />
      <FormError message={errors.general} />
      <button type="submit" className="button button--primary button--block" disabled={busy || !code.trim()}>
        {busy ? 'Signing in…' : 'Sign in with the code'}
      </button>
    </form>
  );
}
