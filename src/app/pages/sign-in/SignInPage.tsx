import { useEffect, useState } from 'react';
import { fetchSignInOptions, requestLoginLink, type SignInOptions } from '../../api/auth';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { LoginCodeForm } from './LoginCodeForm';

const FIELDS = ['email'] as const;

/**
 * Staff sign in with a User Link: enter an email and a link is sent, with a 6-digit code for
 * another device ("Have a code?"). The answer is the same for unknown addresses, so the page
 * never reveals who has an account.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  useDocumentTitle('Sign in');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, busy, onSubmit } = useFormSubmit(FIELDS);
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    fetchSignInOptions().then(setOptions, () => setOptions(null));
  }, []);

  const submit = onSubmit(async () => {
    await requestLoginLink(email.trim());
    setSentTo(email.trim());
  });

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          memberlink
        </p>
        {sentTo ? (
          <div role="status">
            <h1>Check your email</h1>
            <p>
              If <strong>{sentTo}</strong> belongs to a team member, a sign-in link is on its way. It works once and expires in a
              few minutes.
            </p>
            {options?.emailDelivery === 'outbox' && <NoEmailServerNote command={options.cliLoginLink} />}
            <LoginCodeForm email={sentTo} onSignedIn={onSignedIn} />
            <button type="button" className="button button--block" onClick={() => setSentTo(null)}>
              Use a different email
            </button>
          </div>
        ) : (
          <form onSubmit={submit} noValidate>
            <h1>Sign in</h1>
            <p className="page-description">We'll email you a link that signs you in. No password needed.</p>
            <TextField
              label="Work email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={setEmail}
              error={errors.fields.email}
            />
            <FormError message={errors.general} />
            <button type="submit" className="button button--primary button--block" disabled={busy || !email.trim()}>
              {busy ? 'Sending…' : 'Email me a sign-in link'}
            </button>
            <p className="field-hint sign-in-hint">First start? The server printed an owner sign-in link (“Admin login”) in its console.</p>
            {options?.emailDelivery === 'outbox' && <NoEmailServerNote command={options.cliLoginLink} />}
          </form>
        )}
      </div>
    </main>
  );
}

/** Without SMTP the email stays in the Outbox, inside this app: say how to get in without it. */
function NoEmailServerNote({ command }: { command: string }) {
  return (
    <div className="sign-in-note" role="note">
      <p>
        <strong>No email server is set up</strong> (<code>SMTP_URL</code>), so sign-in emails wait in the Outbox inside this app.
        To sign in now, run this where the server runs and open the link it prints:
      </p>
      <pre className="sign-in-command">
        <code>{command}</code>
      </pre>
    </div>
  );
}
