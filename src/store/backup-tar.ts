// The tar of a PGlite data folder (dumpDataDir): entries read by their ustar headers, so that a backup never
// carries the folder's lock (data-folder-lock.ts). A lock restored with the data would name the process that
// served the original folder, and the restored folder would then be refused as "in use" while it runs.

const BLOCK = 512;

/** The folder's lock and its helper files (the breaker and temporary files), at the top of the folder. */
export const isLockEntry = (name: string): boolean => /^(\.?\/)?pact\.lock(\.|$)/.test(name);

function text(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** The entries' names in order (for tests and checks). */
export function tarNames(tar: Uint8Array): string[] {
  return entries(tar).map((e) => e.name);
}

interface Entry {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** a pax or GNU long-name header that describes the next entry */
  readonly describesNext: boolean;
}

function entries(tar: Uint8Array): Entry[] {
  const out: Entry[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const name = text(header.subarray(0, 100));
    const prefix = text(header.subarray(345, 500));
    const size = Number.parseInt(text(header.subarray(124, 136)).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new Error(`not a tar file: a bad size at byte ${offset}`);
    const type = String.fromCharCode(header[156] ?? 0);
    const end = offset + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (end > tar.length) throw new Error('not a tar file: it ends inside an entry');
    out.push({
      name: prefix ? `${prefix}/${name}` : name,
      start: offset,
      end,
      describesNext: type === 'x' || type === 'L' || type === 'K',
    });
    offset = end;
  }
  return out;
}

/** The tar without the entries `drop` names (with their pax or long-name headers); the end blocks kept. */
export function withoutEntries(tar: Uint8Array, drop: (name: string) => boolean): Uint8Array {
  const all = entries(tar);
  const kept: Uint8Array[] = [];
  let pending: Entry[] = [];
  for (const e of all) {
    if (e.describesNext) {
      pending.push(e);
      continue;
    }
    if (!drop(e.name)) for (const p of [...pending, e]) kept.push(tar.subarray(p.start, p.end));
    pending = [];
  }
  const size = kept.reduce((n, k) => n + k.length, 0);
  const out = new Uint8Array(size + 2 * BLOCK);
  let at = 0;
  for (const k of kept) {
    out.set(k, at);
    at += k.length;
  }
  return out;
}
