// `pact document KIND CASE [--lang L] [--out FILE] [--preview] [--notified MEANS]`: issues a document of a
// case as the API does (src/store/documents.ts) — its PDF made from the case, `document.issued` recorded with
// the SHA-256 of the bytes — and writes the PDF (mode 0600: it holds personal data). --preview writes a draft
// (marked on its face, nothing recorded); --notified records at once how it reached the person (for a
// decision, the notification that starts the appeal window: APR Art. 67(8)). `pact document list CASE`
// prints what was issued.
import { Command, Option } from 'commander';
import { definitionOf } from '../../domain/documents/definitions.ts';
import {
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  type DocumentKind,
  type DocumentLanguage,
} from '../../domain/documents/kinds.ts';
import { CommandRejectedError } from '../../domain/errors.ts';
import { NOTIFICATION_MEANS } from '../../domain/guarantees/remedies-commands.ts';
import { can, ROLES, type Role } from '../../domain/roles.ts';
import { findCase } from '../../store/case-queries.ts';
import { issueDocument, previewDocument, readIssuedDocument } from '../../store/documents.ts';
import { type CliContext, UsageError } from '../context.ts';
import { writePrivateFile } from '../private-file.ts';
import { withStore } from '../store-session.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function documentCommand(ctx: CliContext): Command {
  const cmd = new Command('document')
    .description(
      'issue a document of a case as PDF (refusal of entry, screening form, information, applicant document, decision, detention order, return decision, relocation notice)',
    )
    .argument('<kind>', `the document: ${DOCUMENT_KINDS.join(', ')}; or list (what was issued on the case)`)
    .argument('<case>', 'the full case id')
    .addOption(
      new Option('--lang <language>', 'the language of the document')
        .choices(DOCUMENT_LANGUAGES)
        .default('en'),
    )
    .option('--out <file>', 'where to write the PDF (default: KIND-LANG-ID.pdf in the current folder)')
    .option('--preview', 'a draft marked "not issued" on its face; nothing is recorded')
    .addOption(
      new Option('--notified <means>', 'record at once how it reached the person').choices(
        NOTIFICATION_MEANS,
      ),
    )
    .option('--notified-language <code>', 'the language it was given or read out in (default: --lang)')
    .option('--key <key>', 'idempotency key (default: a new one); repeat it to retry safely')
    .option('--actor <name>', 'who issues', 'cli')
    .addOption(new Option('--role <role>', 'in which role').choices(ROLES).default('case-officer'))
    .action(
      async (
        kind: string,
        id: string,
        opts: {
          lang: DocumentLanguage;
          out?: string;
          preview?: boolean;
          notified?: (typeof NOTIFICATION_MEANS)[number];
          notifiedLanguage?: string;
          key?: string;
          actor: string;
          role: Role;
        },
      ) => {
        // `pact document list CASE`: what was issued on the case (the header promises it)
        if (kind === 'list') {
          if (!UUID.test(id)) throw new UsageError('give the full case id (pact case show PREFIX prints it)');
          const found = await withStore(ctx, (_cs, store) => findCase(store.db, id));
          if (!found) throw new UsageError(`no case ${id}`);
          const docs = found.case.documents ?? [];
          ctx.stdout(
            docs.length === 0
              ? 'no document issued\n'
              : docs
                  .map(
                    (d) =>
                      `${d.id} ${d.kind} ${d.language}${d.language !== d.requestedLanguage ? ` (asked for ${d.requestedLanguage})` : ''} issued ${d.at} by ${d.by}, sha256 ${d.sha256}${d.notifiedAt ? `, notified ${d.notifiedAt} (${d.means})` : ''}\n`,
                  )
                  .join(''),
          );
          return;
        }
        if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
          throw new UsageError(`no document ${kind}: one of ${DOCUMENT_KINDS.join(', ')}`);
        const def = definitionOf(kind as DocumentKind);
        if (!def) throw new UsageError(`the document ${kind} is not built yet`);
        if (!UUID.test(id)) throw new UsageError('give the full case id (pact case show PREFIX prints it)');
        if (!can(opts.role, def.info.permission))
          throw new UsageError(`a ${opts.role} may not issue ${kind} (needs ${def.info.permission})`);
        if (opts.preview && opts.notified)
          throw new UsageError('a preview is not issued: it cannot be notified');
        if (opts.notifiedLanguage && !opts.notified)
          throw new UsageError('--notified-language needs --notified (how the document reached the person)');
        const by = { actor: opts.actor, role: opts.role };
        const result = await withStore(ctx, async (cs, store) => {
          const found = await findCase(store.db, id);
          if (!found) throw new UsageError(`no case ${id}`);
          if (opts.preview)
            return {
              bytes: await previewDocument(store.db, found.case, def.kind, opts.lang, by, ctx.now(), cs),
              line: `preview of ${kind} (${opts.lang}): nothing recorded`,
              name: `${kind}-${opts.lang}-draft.pdf`,
            };
          const out = await issueDocument(
            cs,
            {
              caseId: found.case.id,
              kind: def.kind,
              language: opts.lang,
              ...(opts.notified
                ? { notification: { means: opts.notified, language: opts.notifiedLanguage ?? opts.lang } }
                : {}),
            },
            by,
            opts.key ?? `cli:${crypto.randomUUID()}`,
          );
          // the kept bytes, exactly as issued (a retry with the same key gets the first document); the read is logged
          const after = await findCase(store.db, found.case.id);
          const file =
            after &&
            (await readIssuedDocument(
              store.db,
              after.case,
              out.result.documentId,
              after.case.state,
              by,
              ctx.now(),
            ));
          if (!file) throw new Error(`the document ${out.result.documentId} was not kept`);
          const r = out.result;
          return {
            bytes: file.bytes,
            line: `${out.replayed ? 'already issued' : 'issued'} ${r.kind} ${r.documentId} (${r.language}${r.language !== r.requestedLanguage ? `, asked for ${r.requestedLanguage}: no reviewed translation` : ''}), sha256 ${r.sha256}${r.notifiedAt ? `, notified ${r.notifiedAt}` : ''}${r.opened.map((o) => `\n  opens ${o.kind} due ${o.dueAt} (${o.article})`).join('')}${r.notes.map((n) => `\n  note: ${n}`).join('')}`,
            name: `${kind}-${opts.lang}-${r.documentId.slice(0, 8)}.pdf`,
          };
        }).catch((e: unknown) => {
          if (e instanceof CommandRejectedError) throw new UsageError(`${e.field}: ${e.reason}`);
          throw e;
        });
        const path = opts.out ?? result.name;
        // mode 0600 also over an existing file (writeFileSync's mode applies only to a file it creates)
        writePrivateFile(path, result.bytes);
        ctx.stdout(`${result.line}\nwritten to ${path} (${result.bytes.length} bytes)\n`);
      },
    );
  return cmd;
}
