// `pact search QUERY`: persons by name (any transliteration, any order, a typo), document number, Eurodac
// reference, date of birth or case id — the search of GET /api/search for the installation's operator, who
// may name a state or search all of them. Every search is recorded as the API's are: the query in
// person_searches, who, the state and the count in the audit chain.
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  SEARCH_LIMIT,
  SEARCH_LIMIT_MAX,
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
} from '../../domain/search-query.ts';
import { retryStaleWrites } from '../../store/chain-retry.ts';
import { recordSearch, searchPersons } from '../../store/person-search.ts';
import type { SearchHit, SearchMatch } from '../../store/person-search-ranking.ts';
import { type CliContext, UsageError } from '../context.ts';
import { renderTable } from '../format/table.ts';
import { parseCountry } from '../options.ts';
import { withStore } from '../store-session.ts';

/** The state recorded for a search of every state (the operator without --state). */
export const EVERY_STATE = 'EU';

function limitArg(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > SEARCH_LIMIT_MAX)
    throw new InvalidArgumentError(`a whole number from 1 to ${SEARCH_LIMIT_MAX}`);
  return n;
}

/** Why a result matched, in a few words: "name (sound: muhammad→mohammed, alhasan→alhassan)". */
export function why(m: SearchMatch): string {
  if (m.field === 'name')
    return `name ${m.score} (${(m.terms ?? []).map((t) => `${t.asked}→${t.found} ${t.how}`).join(', ')})`;
  if (m.field === 'document')
    return `document ${m.how}${m.document ? ` (${m.document.type}, ${m.document.issuingCountry})` : ''}`;
  if (m.field === 'birthDate') return `date of birth ${m.how} ${m.score}`;
  if (m.field === 'caseId') return `case id ${m.how}`;
  return `Eurodac reference ${m.how}`;
}

const birthText = (h: SearchHit) =>
  !h.birth
    ? ''
    : h.birth.precision === 'full'
      ? h.birth.from
      : h.birth.precision === 'year-month'
        ? h.birth.from.slice(0, 7)
        : h.birth.precision === 'about'
          ? `~${h.birth.from.slice(0, 4)}`
          : h.birth.from.slice(0, 4);

export function searchCommand(ctx: CliContext): Command {
  return new Command('search')
    .description(
      'find persons by name (any transliteration or order, small typos), document number, Eurodac reference, date of birth (1990, 1990-03, 1990-03-15, "about 1990") or case id; every search is logged',
    )
    .argument('<query...>', 'what to look for (several words are one query)')
    .addOption(new Option('--state <code>', "only this member state's persons").argParser(parseCountry))
    .addOption(
      new Option('--limit <n>', `results at most, 1 to ${SEARCH_LIMIT_MAX}`)
        .default(SEARCH_LIMIT)
        .argParser(limitArg),
    )
    .option('--actor <name>', 'who searches (recorded with the search)', 'cli')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(
      async (words: string[], opts: { state?: string; limit: number; actor: string; format: string }) => {
        const query = words.join(' ').trim();
        if (query.length < SEARCH_QUERY_MIN || query.length > SEARCH_QUERY_MAX)
          throw new UsageError(`the query must be ${SEARCH_QUERY_MIN} to ${SEARCH_QUERY_MAX} characters`);
        const answer = await withStore(ctx, async (_cs, store) => {
          const found = await store.read(undefined, (db) =>
            searchPersons(db, { query, state: opts.state, limit: opts.limit }),
          );
          await retryStaleWrites(() =>
            recordSearch(store.db, {
              at: ctx.now(),
              actor: opts.actor,
              role: 'cli',
              state: opts.state ?? EVERY_STATE,
              query,
              results: found.results.length,
            }),
          );
          return found;
        });
        if (opts.format === 'json') {
          ctx.stdout(`${JSON.stringify(answer, null, 2)}\n`);
          return;
        }
        const rows = answer.results.map((h) => [
          h.shortId,
          h.state,
          h.status,
          [h.givenNames, h.familyName].filter(Boolean).join(' ') || '—',
          birthText(h),
          h.nationality ?? '',
          h.matches.map(why).join('; '),
        ]);
        const table = renderTable(
          [
            { header: 'Case' },
            { header: 'State' },
            { header: 'Status' },
            { header: 'Name' },
            { header: 'Born' },
            { header: 'Nat.' },
            { header: 'Why' },
          ],
          rows,
        );
        const n = answer.results.length;
        ctx.stdout(
          `${table}\n\n${n === 0 ? 'No person found' : `${n} person${n === 1 ? '' : 's'}`}${answer.more ? ` shown; more matched (--limit ${SEARCH_LIMIT_MAX} or a more precise query)` : ''}.${n > 0 ? ' Open a case with: pact case show CASE' : ''}\n`,
        );
      },
    );
}
