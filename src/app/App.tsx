/** The admin app shell; its pages arrive with the admin-app issue. */
export function App() {
  return (
    <main style={{ font: '16px system-ui, sans-serif', maxWidth: 720, margin: '48px auto', padding: '0 20px' }}>
      <h1>memberlink</h1>
      <p>
        The admin API is live: see the <a href="/api/openapi.json">API reference</a>. Use the API key printed by{' '}
        <code>npm start</code>.
      </p>
    </main>
  );
}
