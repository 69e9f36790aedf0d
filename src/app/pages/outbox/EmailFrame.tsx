/**
 * Received HTML goes only into a sandboxed frame: no scripts, no same-origin access. Links open in
 * a new tab (a `<base target>`), where the member site runs normally; the sandbox lets that tab
 * escape so it behaves like a link clicked in a mail client.
 */
export function withLinksInNewTab(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

export function EmailFrame({ html, title }: { html: string; title: string }) {
  return (
    <div className="email-frame">
      <iframe title={title} sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={withLinksInNewTab(html)} />
    </div>
  );
}
