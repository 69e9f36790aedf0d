import { Fragment } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

/** An SMS as a phone shows it: one bubble, with its web addresses clickable. */
export function SmsBubble({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <div className="sms-thread">
      <p className="sms-bubble">
        {parts.map((part, index) =>
          index % 2 === 1 ? (
            <a key={index} href={part} target="_blank" rel="noopener noreferrer" className="break-all">
              {part}
            </a>
          ) : (
            <Fragment key={index}>{part}</Fragment>
          ),
        )}
      </p>
    </div>
  );
}
