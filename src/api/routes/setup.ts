// A state's set-up, for its administrators: what a fresh installation still lacks (its places, its national
// choices of the law) and the loading of its places — the shipped set of the state, or a CSV of the same
// columns as `pact places import` — validated whole (every bad line named) and written whole, or not at all.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { PLACE_KINDS } from '../../domain/vocabulary.ts';
import { publicHolidays, stateCalendar } from '../../law/calendar/state-calendar.ts';
import { nationalChoices } from '../../law/national-choices.ts';
import {
  idsOfOtherStates,
  listPlaces,
  type PlaceInsert,
  PlacesOfAnotherState,
  parsePlaces,
  readPlaces,
  SHIPPED_PLACES,
  shippedPlacesFile,
  upsertPlaces,
} from '../../store/places.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

/** Where a state's national choices are recorded, and how to see them (docs/law.md, "National choices"). */
export const NATIONAL_CHOICES_FILE = 'law/national/appeal-windows.ts';

const Period = z.object({ amount: z.number(), unit: z.string() });
const NationalChoiceView = z.object({
  name: z.string(),
  within: z.string(),
  description: z.string(),
  range: z.object({ min: Period, max: Period }),
  rangeCitation: z.string(),
  value: z
    .object({ amount: z.number(), unit: z.string(), since: z.string(), citation: z.string() })
    .nullable(),
});
export const Setup = z.object({
  state: z.string(),
  /** Every item done. */
  complete: z.boolean(),
  places: z.object({
    done: z.boolean(),
    count: z.number().int(),
    open: z.number().int(),
    byKind: z.record(z.enum(PLACE_KINDS), z.number().int()),
    /** The set the project ships for this state (data/), or null. */
    shipped: z.object({ file: z.string(), count: z.number().int() }).nullable(),
  }),
  national: z.object({
    done: z.boolean(),
    /** The law file that records the choices (not settable through the API: national law, cited). */
    file: z.string(),
    command: z.string(),
    choices: z.array(NationalChoiceView),
  }),
  calendar: z.object({
    zone: z.string(),
    years: z.array(z.number().int()),
    /** The public holidays of the years, named in English and in Lithuanian (the interface's languages). */
    holidays: z.array(z.object({ date: z.string(), names: z.object({ en: z.string(), lt: z.string() }) })),
  }),
});
// one object rather than a union, so that the OpenAPI document names both fields
const ImportPlaces = z
  .object({
    source: z.enum(['shipped', 'file']),
    csv: z.string().min(1).max(1_000_000, 'a places file of at most 1,000,000 characters').optional(),
  })
  .strict()
  .refine((b) => (b.source === 'file') === (b.csv !== undefined), {
    path: ['csv'],
    message: "the file's text with source 'file', and only then",
  });
const Imported = z.object({ loaded: z.number().int(), count: z.number().int() });

/** The state of an administrator's set-up; a Union administrator has none (places are a state's). */
function stateOf(p: { jurisdiction: string }): MemberStateCode {
  if (p.jurisdiction === 'EU') throw forbidden("a state's set-up is done by an administrator of that state");
  return p.jurisdiction as MemberStateCode;
}

const invalid = (problems: readonly string[]) =>
  new HttpProblem(
    422,
    'invalid-places',
    'Invalid places file',
    `${problems.length} problem(s) in the places file: nothing was loaded`,
    [
      ...problems.slice(0, 100),
      ...(problems.length > 100 ? [`and ${problems.length - 100} more problems`] : []),
    ].map((reason) => ({ field: 'body/csv', reason })),
  );

export function setupRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/setup',
    {
      schema: {
        tags: ['reference'],
        summary:
          "what your state's installation still lacks: its places, its national choices (administrators)",
        response: { 200: Setup, 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'setup.manage'),
    },
    async (request) => {
      const state = stateOf(principal(request));
      const calendar = stateCalendar(state);
      const today = DateTime.fromJSDate(deps.services.clock()).setZone(calendar.zone);
      const rows = await listPlaces(deps.store.db, state);
      const byKind = Object.fromEntries(PLACE_KINDS.map((k) => [k, 0])) as Record<
        (typeof PLACE_KINDS)[number],
        number
      >;
      for (const p of rows) if (p.kind in byKind) byKind[p.kind as keyof typeof byKind] += 1;
      const file = shippedPlacesFile(state);
      const choices = nationalChoices(deps.services.law, state, today.toISODate() as string).map((c) => ({
        ...c,
        value: c.value
          ? {
              amount: c.value.value as number,
              unit: c.value.unit,
              since: c.value.since,
              citation: c.value.citation,
            }
          : null,
      }));
      const placesDone = rows.length > 0;
      const nationalDone = choices.every((c) => c.value !== null);
      // this year's and next year's: the deadlines being counted now run into the next
      const years = [today.year, today.year + 1];
      const holidays = years.flatMap((year) => {
        const inLithuanian = new Map(publicHolidays(state, year, 'lt').map((d) => [d.date, d.name]));
        return publicHolidays(state, year, 'en').map((d) => ({
          date: d.date,
          names: { en: d.name, lt: inLithuanian.get(d.date) ?? d.name },
        }));
      });
      return {
        state,
        complete: placesDone && nationalDone,
        places: {
          done: placesDone,
          count: rows.length,
          open: rows.filter((p) => p.open).length,
          byKind,
          shipped: file ? { file: `data/${SHIPPED_PLACES[state]}`, count: readPlaces(file).length } : null,
        },
        national: {
          done: nationalDone,
          file: NATIONAL_CHOICES_FILE,
          command: `npx pact params national.${state.toLowerCase()}`,
          choices,
        },
        calendar: { zone: calendar.zone, years, holidays },
      };
    },
  );
  r.post(
    '/api/places/import',
    {
      schema: {
        tags: ['reference'],
        summary:
          "load your state's places: the set shipped for it ({source: 'shipped'}) or a CSV ({source: 'file', csv}; columns id, state, kind, name, border_section, open); all or nothing (administrators of the state)",
        body: ImportPlaces,
        response: { 200: Imported, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem },
      },
      preHandler: requires(deps, 'setup.manage'),
    },
    async (request) => {
      const p = principal(request);
      const state = stateOf(p);
      let rows: PlaceInsert[];
      const { source, csv } = request.body;
      if (source === 'shipped' || csv === undefined) {
        const file = shippedPlacesFile(state);
        if (!file) throw notFound(`a shipped set of places for ${state}`);
        rows = readPlaces(file);
      } else {
        const parsed = parsePlaces(csv, state);
        if (parsed.problems.length > 0) throw invalid(parsed.problems);
        rows = parsed.rows;
      }
      const taken = await idsOfOtherStates(
        deps.store.db,
        rows.map((x) => x.id),
        state,
      );
      if (taken.length > 0) throw invalid(taken.map((id) => `${id}: the id of a place of another state`));
      const loaded = await upsertPlaces(deps.store.db, rows, p.username, {
        at: deps.services.clock(),
        data: { state, source },
      }).catch((e: unknown) => {
        // another load took an id between the check above and this write
        if (e instanceof PlacesOfAnotherState)
          throw invalid(e.ids.map((id) => `${id}: the id of a place of another state`));
        throw e;
      });
      const count = (await listPlaces(deps.store.db, state)).length;
      return { loaded, count };
    },
  );
}
