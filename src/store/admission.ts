// Admission programmes (Regulation (EU) 2024/1350): stored with their pledges, split among the pledging states
// (src/domain/admission/split.ts), their progress counted per state and their open decision deadlines listed for
// the reader's own state; the Union's view (pledges against admissions, counts rounded) and the public arrivals
// by programme, nationality and period (src/store/disclosure.ts rounding). Every write is audited in its
// transaction (write() of src/store/solidarity.ts).
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { MemberStateCode } from '../../law/member-states.ts';
import { type AdmissionFileState, decisionDue } from '../domain/admission/file.ts';
import { planPeriod } from '../domain/admission/programme.ts';
import { type Split, splitProgramme } from '../domain/admission/split.ts';
import type { AdmissionProcedure, AdmissionType, SplitMethod } from '../domain/admission/vocabulary.ts';
import { ADMISSION_TYPES } from '../domain/admission/vocabulary.ts';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { unionDate } from '../law/union-date.ts';
import type { Granularity } from './aggregates.ts';
import { type Db, rowsOf } from './database.ts';
import { periodDays, type Rounder } from './disclosure.ts';
import { admissionFiles, admissionPledges, admissionProgrammes } from './schema-admission.ts';
import { shippedReferenceData, write } from './solidarity.ts';

export interface AdmissionDeps {
  readonly db: Db;
  readonly law: ParameterRegistry;
  readonly uuid: () => string;
}

export interface NewProgrammeData {
  readonly name: string;
  readonly planStart: string;
  readonly admissionType: AdmissionType;
  readonly region: string;
  readonly thirdCountry?: string;
  readonly referringOrganisation: string;
  readonly total: number;
  readonly splitMethod: SplitMethod;
  readonly pledges: readonly { state: MemberStateCode; admissionType: AdmissionType; persons: number }[];
}

export interface ProgrammeSummaryData {
  id: string;
  name: string;
  planStart: string;
  planEnd: string;
  admissionType: AdmissionType;
  region: string;
  thirdCountry: string | null;
  referringOrganisation: string;
  total: number;
  splitMethod: SplitMethod;
  states: string[];
  createdBy: string;
  createdAt: string;
}

/** The split of a programme as of the day it was set up (the reference data of that day). */
export function programmeSplit(law: ParameterRegistry, p: NewProgrammeData, setUpOn: string): Split {
  return splitProgramme(p.total, p.pledges, p.splitMethod, law, setUpOn, shippedReferenceData());
}

/** Stores a programme and its pledges; the split is computed first, so that one that cannot be split is refused. */
export async function createProgramme(
  deps: AdmissionDeps,
  p: NewProgrammeData,
  owner: string,
  actor: string,
  now: Date,
): Promise<string> {
  const today = unionDate(now);
  programmeSplit(deps.law, p, today); // throws ReferenceDataUnavailableError: nothing is written
  const plan = planPeriod(deps.law, p.planStart);
  const id = deps.uuid();
  const row = {
    id,
    name: p.name,
    planStart: plan.start,
    planEnd: plan.end,
    admissionType: p.admissionType,
    region: p.region,
    thirdCountry: p.thirdCountry ?? null,
    referringOrganisation: p.referringOrganisation,
    total: p.total,
    splitMethod: p.splitMethod,
    owner,
    createdBy: actor,
    createdAt: now,
  };
  await write(
    deps.db,
    [
      {
        at: now,
        actor,
        action: 'admission.programme-created',
        subject: id,
        data: { ...row, createdAt: undefined, pledges: p.pledges },
      },
    ],
    async (tx) => {
      await tx.insert(admissionProgrammes).values(row);
      await tx.insert(admissionPledges).values(p.pledges.map((x) => ({ programmeId: id, ...x })));
    },
  );
  return id;
}

type ProgrammeRow = typeof admissionProgrammes.$inferSelect;
type PledgeRow = typeof admissionPledges.$inferSelect;

function summary(r: ProgrammeRow, pledges: readonly PledgeRow[]): ProgrammeSummaryData {
  return {
    id: r.id,
    name: r.name,
    planStart: r.planStart,
    planEnd: r.planEnd,
    admissionType: r.admissionType as AdmissionType,
    region: r.region,
    thirdCountry: r.thirdCountry,
    referringOrganisation: r.referringOrganisation,
    total: r.total,
    splitMethod: r.splitMethod as SplitMethod,
    states: pledges.filter((x) => x.programmeId === r.id).map((x) => x.state),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

/** May `jurisdiction` read the programme? The EU any; a state one it pledges to or set up. */
const readable = (r: ProgrammeRow, pledges: readonly PledgeRow[], jurisdiction: string) =>
  jurisdiction === 'EU' ||
  r.owner === jurisdiction ||
  pledges.some((x) => x.programmeId === r.id && x.state === jurisdiction);

export async function listProgrammes(db: Db, jurisdiction: string): Promise<ProgrammeSummaryData[]> {
  const rows = await db.select().from(admissionProgrammes).orderBy(asc(admissionProgrammes.createdAt));
  if (rows.length === 0) return [];
  const pledges = await db
    .select()
    .from(admissionPledges)
    .where(
      inArray(
        admissionPledges.programmeId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(admissionPledges.state));
  return rows.filter((r) => readable(r, pledges, jurisdiction)).map((r) => summary(r, pledges));
}

/** A programme the reader may see, with its pledges; undefined when there is none (or not the reader's). */
export async function findProgramme(
  db: Db,
  id: string,
  jurisdiction: string,
): Promise<{ row: ProgrammeRow; pledges: PledgeRow[] } | undefined> {
  const [row] = await db.select().from(admissionProgrammes).where(eq(admissionProgrammes.id, id));
  if (!row) return undefined;
  const pledges = await db
    .select()
    .from(admissionPledges)
    .where(eq(admissionPledges.programmeId, id))
    .orderBy(asc(admissionPledges.state));
  return readable(row, pledges, jurisdiction) ? { row, pledges } : undefined;
}

export interface ProgressData {
  state: string;
  referred: number;
  registered: number;
  eligible: number;
  refused: number;
  decided: number;
  admitted: number;
  departed: number;
  arrived: number;
  withdrawn: number;
}

/** Each pledging state's files counted by how far they went (a file counts in every stage it passed). */
async function progress(db: Db, id: string, states: readonly string[]): Promise<ProgressData[]> {
  const rows = await rowsOf<Record<string, number | string>>(
    db,
    sql`select state,
          count(*)::int as referred,
          count(registered_on)::int as registered,
          count(*) filter (where jsonb_array_length(data->'categories') > 0)::int as eligible,
          count(*) filter (where status = 'refused')::int as refused,
          count(decided_on)::int as decided,
          count(granted_status)::int as admitted,
          count(departed_on)::int as departed,
          count(arrived_on)::int as arrived,
          count(*) filter (where status = 'withdrawn')::int as withdrawn
        from admission_files where programme_id = ${id} group by state`,
  );
  const by = new Map(rows.map((r) => [String(r.state), r]));
  const n = (r: Record<string, number | string> | undefined, k: string) => Number(r?.[k] ?? 0);
  return states.map((state) => {
    const r = by.get(state);
    return {
      state,
      referred: n(r, 'referred'),
      registered: n(r, 'registered'),
      eligible: n(r, 'eligible'),
      refused: n(r, 'refused'),
      decided: n(r, 'decided'),
      admitted: n(r, 'admitted'),
      departed: n(r, 'departed'),
      arrived: n(r, 'arrived'),
      withdrawn: n(r, 'withdrawn'),
    };
  });
}

export interface DeadlineData {
  fileId: string;
  programmeId: string;
  referralRef: string;
  procedure: AdmissionProcedure;
  registeredOn: string;
  decisionDueOn: string;
  overdue: boolean;
  daysLeft: number;
  article: string;
}

/** The decision deadlines of `state`'s registered files (of one programme, or all), the soonest first. */
export async function admissionDeadlines(
  deps: AdmissionDeps,
  state: string,
  now: Date,
  programmeId?: string,
): Promise<DeadlineData[]> {
  const zone = STATE_TIME_ZONES[state as MemberStateCode];
  if (!zone) return [];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(now);
  const rows = await deps.db
    .select()
    .from(admissionFiles)
    .where(
      programmeId
        ? sql`${admissionFiles.state} = ${state} and ${admissionFiles.status} = 'registered' and ${admissionFiles.programmeId} = ${programmeId}`
        : sql`${admissionFiles.state} = ${state} and ${admissionFiles.status} = 'registered'`,
    );
  const out: DeadlineData[] = [];
  for (const r of rows) {
    const due = decisionDue(deps.law, state as MemberStateCode, r.data as AdmissionFileState, today);
    if (!due) continue;
    out.push({
      fileId: r.id,
      programmeId: r.programmeId,
      referralRef: r.referralRef,
      procedure: r.procedure as AdmissionProcedure,
      registeredOn: r.registeredOn ?? '',
      decisionDueOn: due.dueOn,
      overdue: due.overdue,
      daysLeft: due.daysLeft,
      article: due.article,
    });
  }
  return out.sort((a, b) =>
    a.decisionDueOn < b.decisionDueOn ? -1 : a.decisionDueOn > b.decisionDueOn ? 1 : 0,
  );
}

export async function programmeView(deps: AdmissionDeps, id: string, jurisdiction: string, now: Date) {
  const found = await findProgramme(deps.db, id, jurisdiction);
  if (!found) return undefined;
  const base = summary(found.row, found.pledges);
  const data: NewProgrammeData = {
    ...base,
    thirdCountry: base.thirdCountry ?? undefined,
    pledges: found.pledges.map((x) => ({
      state: x.state as MemberStateCode,
      admissionType: x.admissionType as AdmissionType,
      persons: x.persons,
    })),
  };
  const split = programmeSplit(deps.law, data, unionDate(found.row.createdAt));
  return {
    ...base,
    split: split.shares.map((s) => ({ ...s })),
    splitTrace: [...split.trace],
    splitBasis: split.basis,
    progress: await progress(deps.db, id, base.states),
    deadlines: jurisdiction === 'EU' ? [] : await admissionDeadlines(deps, jurisdiction, now, id),
  };
}

const UNION_FROM = '2026-06-12';

/**
 * Each state's pledges (all programmes) against its admissions, arrivals and refusals, counts rounded. The
 * figures are to date: `_now` does not enter a cell's identity (the same count reads the same on every day).
 */
export async function unionAdmission(db: Db, round: Rounder, _now: Date) {
  const pledges = await rowsOf<{ state: string; admission_type: string; persons: number }>(
    db,
    sql`select state, admission_type, sum(persons)::int as persons from admission_pledges group by 1, 2 order by 1, 2`,
  );
  const files = await rowsOf<{ state: string; admitted: number; arrived: number; refused: number }>(
    db,
    sql`select state, count(granted_status)::int as admitted, count(arrived_on)::int as arrived,
          count(*) filter (where status = 'refused')::int as refused
        from admission_files group by state`,
  );
  const [programmes] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from admission_programmes`,
  );
  const states = [...new Set([...pledges.map((p) => p.state), ...files.map((f) => f.state)])].sort();
  // the cell's identity does not move with the clock ('to-date', not today): the same count reads the same on
  // every day, so that reading it daily and averaging learns nothing (src/store/disclosure.ts)
  const cell = (state: string, metric: string, v: number) =>
    round(
      {
        state,
        metric: `admission:${metric}`,
        first: UNION_FROM,
        last: 'to-date',
        grouping: 'none',
        group: null,
      },
      v,
    );
  return {
    states: states.map((state) => {
      const mine = pledges.filter((p) => p.state === state);
      const f = files.find((x) => x.state === state);
      return {
        state,
        pledged: mine.reduce((s, p) => s + Number(p.persons), 0),
        byType: Object.fromEntries(
          ADMISSION_TYPES.map((t) => [t, Number(mine.find((p) => p.admission_type === t)?.persons ?? 0)]),
        ) as Record<AdmissionType, number>,
        admitted: cell(state, 'admitted', Number(f?.admitted ?? 0)),
        arrived: cell(state, 'arrived', Number(f?.arrived ?? 0)),
        refused: cell(state, 'refused', Number(f?.refused ?? 0)),
      };
    }),
    programmes: Number(programmes?.n ?? 0),
    suppressedBelow: 5,
  };
}

export const ADMISSIONS_NOTE =
  'Persons admitted under Regulation (EU) 2024/1350 who arrived in the state, per period of arrival (the day ' +
  "recorded, in the state's calendar), by programme (its name) and nationality (ISO code; XX unknown, XS " +
  'stateless). For the public from–to must be whole, ended periods of the granularity and every count is ' +
  'published rounded: 1 to 4 hidden (null, suppressed: true), 0 is 0, any other value randomly rounded to a ' +
  'multiple of 5 (unbiased; the same count always reads the same). Staff of the state get exact values. ' +
  'Absent rows: no arrival.';

export interface ArrivalRow {
  period: string;
  programme: string;
  nationality: string;
  arrivals: number | null;
  suppressed?: true;
}

const PERIOD_FORMAT: Record<Granularity, string> = {
  day: 'YYYY-MM-DD',
  week: 'YYYY-MM-DD',
  month: 'YYYY-MM',
  year: 'YYYY',
};

/** Arrivals per period, programme and nationality of `state` within from–to (days counted). */
export async function admissionArrivals(
  db: Db,
  q: { state: string; from: string; to: string; granularity: Granularity },
): Promise<ArrivalRow[]> {
  const unit = q.granularity === 'week' ? 'week' : q.granularity;
  const rows = await rowsOf<{ period: string; programme: string; nationality: string; arrivals: number }>(
    db,
    sql`select to_char(date_trunc(${unit}, f.arrived_on::timestamp), ${PERIOD_FORMAT[q.granularity]}) as period,
          p.name as programme, f.nationality, count(*)::int as arrivals
        from admission_files f join admission_programmes p on p.id = f.programme_id
        where f.state = ${q.state} and f.arrived_on between ${q.from} and ${q.to}
        group by 1, 2, 3 order by 1, 2, 3`,
  );
  return rows.map((r) => ({ ...r, arrivals: Number(r.arrivals) }));
}

/** The public's arrivals: every count rounded (src/store/disclosure.ts), a hidden one marked. */
export function suppressArrivals(
  rows: readonly ArrivalRow[],
  q: { state: string; from: string; to: string; granularity: Granularity },
  round: Rounder,
): ArrivalRow[] {
  return rows.map((r) => {
    const { first, last } = periodDays(r.period, q.granularity, q.from, q.to);
    const arrivals = round(
      {
        state: q.state,
        metric: 'admission:arrivals',
        first,
        last,
        grouping: 'programme-nationality',
        group: `${r.programme.replaceAll('|', '/')}/${r.nationality}`,
      },
      r.arrivals ?? 0,
    );
    return arrivals === null ? { ...r, arrivals, suppressed: true } : { ...r, arrivals };
  });
}
