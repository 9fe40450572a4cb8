// Idempotency keys for commands sent from a form. crypto.randomUUID exists only on HTTPS or localhost; a
// border post may serve Pact over plain HTTP on its own network, so keys come from getRandomValues, which
// every browser has. The same body sent again (a retry after a lost answer) gets the same key, so the server
// answers it without recording it twice; a changed body is a new command with a new key.
import { useRef } from 'react';

export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** keyFor(body): one key per distinct body, for the life of the form. */
export function useIdempotencyKeys(): (body: unknown) => string {
  const keys = useRef(new Map<string, string>());
  return (body) => {
    const text = JSON.stringify(body);
    let key = keys.current.get(text);
    if (!key) {
      key = randomId();
      keys.current.set(text, key);
    }
    return key;
  };
}
