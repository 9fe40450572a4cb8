// Files the CLI writes that hold personal data or a state's records (issued documents, summaries): readable by
// their owner only — also when the file already existed with wider permissions (writeFileSync's `mode` applies
// only to a file it creates).
import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';

export function writePrivateFile(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}
