// `pact person export ID`: a person's full record as one JSON document (GDPR Art. 15, the right of access;
// docs/retention.md describes the format). The photos and scans are inside as base64, or written as files
// beside the JSON with --out DIR. The export is recorded in the audit log.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { NotFoundError } from '../../store/errors.ts';
import { exportPerson } from '../../store/person-export.ts';
import type { CliContext } from '../context.ts';
import { withStore } from '../store-session.ts';

export function personCommand(ctx: CliContext): Command {
  const cmd = new Command('person').description("a person's record");
  cmd
    .command('export')
    .description(
      "a person's full record as JSON (GDPR Art. 15): case, person and identity, documents, encounter, log, obligations, attachments, linked files, audit entries",
    )
    .argument('<id>', 'the case id, or a unique prefix of 8 characters or more')
    .option('--out <dir>', 'write export.json and the attached files into this folder instead of printing')
    .option('--actor <name>', 'who exports (recorded in the audit log)', 'cli')
    .action(async (id: string, opts: { out?: string; actor: string }) => {
      const got = await withStore(ctx, (_cs, store) =>
        exportPerson(store.db, id, { now: ctx.now(), actor: opts.actor, withBytes: !opts.out }),
      );
      if (!got) throw new NotFoundError(`case ${id} (or the prefix names more than one)`);
      const json = `${JSON.stringify(got.export, null, 2)}\n`;
      if (!opts.out) {
        ctx.stdout(json);
        return;
      }
      mkdirSync(opts.out, { recursive: true, mode: 0o700 });
      writeFileSync(join(opts.out, 'export.json'), json, { mode: 0o600 });
      for (const f of got.files) writeFileSync(join(opts.out, f.name), f.bytes, { mode: 0o600 });
      ctx.stdout(`wrote ${join(opts.out, 'export.json')} and ${got.files.length} attached file(s)\n`);
    });
  return cmd;
}
