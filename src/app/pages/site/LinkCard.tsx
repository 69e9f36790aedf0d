import type { LinkDescription } from '../../api/types';
import { CopyButton } from '../../ui/CopyButton';

/** Everything from `?` on removed: the address that asks for a manual login instead of logging in. */
export const withoutAutoLogin = (url: string) => url.split('?')[0];

/** One link kind: the custom value to paste into a template, what it becomes when sent, and the plain URL. */
export function LinkCard({ title, description, link }: { title: string; description: string; link: LinkDescription }) {
  return (
    <section className="link-card" aria-label={title}>
      <h3>{title}</h3>
      <p className="field-hint">{description}</p>
      <div className="copy-row">
        <code className="code-value" data-testid={`${link.kind}-custom-value`}>
          {link.customValue}
        </code>
        <CopyButton text={link.customValue} what={title} variant="primary" />
      </div>
      <p className="url-shape">
        <span className="muted">Sent as </span>
        <span className="break-all">{link.urlShape}</span>
      </p>
      <div className="copy-row">
        <span className="break-all muted">{withoutAutoLogin(link.urlShape)}</span>
        <CopyButton text={withoutAutoLogin(link.urlShape)} label="Copy without auto-login" what={`${title} URL`} />
      </div>
    </section>
  );
}
