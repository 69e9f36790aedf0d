import { Fragment } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

/** Plain text (an SMS, a reply) with its web addresses clickable in a new tab. */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} target="_blank" rel="noopener noreferrer" className="break-all">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
