import { useState } from 'react';
import { Composer } from 'memberlink/composer';
import { samplePreview } from './sample-preview.js';

/** An empty email: the composer's value is plain JSON the host stores as it likes. */
const EMPTY_EMAIL = { subject: '', previewText: '', body: { type: 'doc', content: [{ type: 'paragraph' }] } };
const DESTINATIONS = [{ value: 'courses/42', label: 'Piano basics' }];

export function App() {
  const [value, setValue] = useState(EMPTY_EMAIL);
  return (
    <main className="host">
      <h1>Newsletter</h1>
      <p>A separate React app with the composer installed from the memberlink package.</p>
      <Composer
        value={value}
        onChange={setValue}
        channel="email"
        destinations={DESTINATIONS}
        onPreview={samplePreview}
        labels={{ subjectPlaceholder: 'What is this newsletter about?' }}
      />
      <h2>Value</h2>
      <pre className="host-value" aria-label="Composer value">{JSON.stringify(value, null, 2)}</pre>
    </main>
  );
}
