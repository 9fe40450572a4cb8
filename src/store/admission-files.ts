// Admission files (Regulation (EU) 2024/1350 Arts 5, 6, 9, 10): one per referred person in the state examining
// the referral; each step checked by the pure state machine (src/domain/admission/file.ts), written with its
// step row and an audit entry in one transaction, the row locked so that two writers take turns. A file of
// another state is never read: every function is given the reader's state and answers undefined (404) for
// another's. The audit entries name the file, the step and its day, never the person's facts.
import { and, asc, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../law/member-states.ts';
import {
  type AdmissionFileState,
  AdmissionStepError,
  applyStep,
  arrive,
  decide,
  decisionDue,
  nextSteps,
  referred,
} from '../domain/admission/file.ts';
import type {
  AdmissionProcedure,
  EligibilityCategory,
  FileStatus,
  FileStep,
  GrantedStatus,
  RecordedStep,
  RefusalGround,
} from '../domain/admission/vocabulary.ts';
import type { Person } from '../domain/commands.ts';
import type { Principal } from '../domain/roles.ts';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import { actionSalt, payloadSha256 } from './action-hash.ts';
import type { AdmissionDeps } from './admission.ts';
import { findProgramme } from './admission.ts';
import { writeAdmittedCase } from './admission-case.ts';
import type { Db } from './database.ts';
import { admissionFiles, admissionSteps } from './schema-admission.ts';
import { write } from './solidarity.ts';

export interface NewFileData {
  readonly referralRef: string;
  readonly referredOn: string;
  readonly nationality: string;
  readonly sex?: string;
  readonly birthYear?: number;
  readonly procedure: AdmissionProcedure;
}

export class AdmissionNotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

/** The state's calendar day of `now`. */
export const stateToday = (state: string, now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: STATE_TIME_ZONES[state as MemberStateCode] ?? 'UTC' }).format(
    now,
  );

export async function createFile(
  deps: AdmissionDeps,
  programmeId: string,
  f: NewFileData,
  p: Principal,
  now: Date,
): Promise<string> {
  const state = p.jurisdiction;
  const found = await findProgramme(deps.db, programmeId, state);
  if (!found) throw new AdmissionNotFoundError('the programme');
  if (!found.pledges.some((x) => x.state === state))
    throw new AdmissionStepError(
      'not-a-pledging-state',
      `${state} does not pledge to this programme: it has no admissions in it`,
      'params/id',
      true,
    );
  const today = stateToday(state, now);
  if (f.referredOn > today)
    throw new AdmissionStepError(
      'in-the-future',
      `${f.referredOn} is after today (${today})`,
      'body/referredOn',
      false,
    );
  if (f.referredOn < found.row.planStart || f.referredOn > found.row.planEnd)
    throw new AdmissionStepError(
      'outside-the-plan',
      `the programme's Union Plan period is ${found.row.planStart} to ${found.row.planEnd} (Art. 8(1))`,
      'body/referredOn',
      false,
    );
  const id = deps.uuid();
  const data = referred(f.procedure, f.referredOn);
  await write(
    deps.db,
    [
      {
        at: now,
        actor: p.username,
        action: 'admission.file-referred',
        subject: id,
        data: { programmeId, state, procedure: f.procedure, on: f.referredOn },
      },
    ],
    async (tx) => {
      const [dup] = await tx
        .select({ id: admissionFiles.id })
        .from(admissionFiles)
        .where(
          and(
            eq(admissionFiles.programmeId, programmeId),
            eq(admissionFiles.state, state),
            eq(admissionFiles.referralRef, f.referralRef),
          ),
        );
      if (dup)
        throw new AdmissionStepError(
          'referral-exists',
          'this referral already has a file in the programme',
          'body/referralRef',
          true,
        );
      await tx.insert(admissionFiles).values({
        id,
        programmeId,
        state,
        referralRef: f.referralRef,
        referredOn: f.referredOn,
        nationality: f.nationality,
        sex: f.sex ?? null,
        birthYear: f.birthYear ?? null,
        procedure: f.procedure,
        status: data.status,
        data,
        version: 1,
        createdBy: p.username,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(admissionSteps).values({
        fileId: id,
        seq: 1,
        step: 'referred',
        on: f.referredOn,
        detail: { procedure: f.procedure },
        by: p.username,
        at: now,
      });
    },
  );
  return id;
}

type FileRow = typeof admissionFiles.$inferSelect;

async function loadFile(db: Db, id: string, state: string, lock = false): Promise<FileRow | undefined> {
  const q = db
    .select()
    .from(admissionFiles)
    .where(and(eq(admissionFiles.id, id), eq(admissionFiles.state, state)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function fileView(deps: AdmissionDeps, id: string, p: Principal, now: Date) {
  const row = await loadFile(deps.db, id, p.jurisdiction);
  if (!row) return undefined;
  const steps = await deps.db
    .select()
    .from(admissionSteps)
    .where(eq(admissionSteps.fileId, id))
    .orderBy(asc(admissionSteps.seq));
  const f = row.data as AdmissionFileState;
  const due = decisionDue(deps.law, row.state as MemberStateCode, f, stateToday(row.state, now));
  return {
    id: row.id,
    programmeId: row.programmeId,
    state: row.state,
    referralRef: row.referralRef,
    referredOn: row.referredOn,
    nationality: row.nationality,
    sex: row.sex,
    birthYear: row.birthYear,
    procedure: row.procedure as AdmissionProcedure,
    status: row.status as FileStatus,
    categories: [...f.categories] as EligibilityCategory[],
    grounds: [...f.grounds] as RefusalGround[],
    grantedStatus: f.grantedStatus,
    registeredOn: f.registeredOn,
    decidedOn: f.decidedOn,
    decisionDueOn: due?.dueOn ?? null,
    overdue: due?.overdue ?? false,
    departedOn: f.departedOn,
    arrivedOn: f.arrivedOn,
    caseId: row.caseId,
    next: nextSteps(f),
    steps: steps.map((s) => ({
      step: s.step as FileStep,
      on: s.on,
      by: s.by,
      at: s.at.toISOString(),
      detail: s.detail as Record<string, unknown>,
    })),
  };
}

/** Applies `change` to the file under its row lock, with its step row and audit entry, in one transaction. */
async function change(
  deps: AdmissionDeps,
  id: string,
  p: Principal,
  now: Date,
  step: FileStep,
  on: string,
  detail: Record<string, unknown>,
  next: (f: AdmissionFileState, today: string) => AdmissionFileState,
  extra: (f: AdmissionFileState) => Partial<FileRow> = () => ({}),
  /** issue 22: more rows written in the same transaction (the case on arrival), and the file's columns they set */
  inTx: (tx: Db, row: FileRow, f: AdmissionFileState) => Promise<Partial<FileRow>> = async () => ({}),
): Promise<void> {
  const state = p.jurisdiction;
  const today = stateToday(state, now);
  // checked before the transaction too, so that a refused step writes nothing (not even a retry)
  const before = await loadFile(deps.db, id, state);
  if (!before) throw new AdmissionNotFoundError('the admission file');
  next(before.data as AdmissionFileState, today);
  // the audit entry binds the step's detail by a salted hash and never holds it (the detail may name health
  // needs, torture, the grounds and reasons of a refusal: personal data of the most sensitive kind)
  const salt = actionSalt();
  await write(
    deps.db,
    [
      {
        at: now,
        actor: p.username,
        action: `admission.${step}`,
        subject: id,
        data: { on, detailSha256: payloadSha256(salt, detail) },
      },
    ],
    async (tx) => {
      const row = await loadFile(tx, id, state, true);
      if (!row) throw new AdmissionNotFoundError('the admission file');
      const f = next(row.data as AdmissionFileState, today);
      const written = await inTx(tx, row, f);
      const [last] = await tx
        .select({ seq: sql<number>`max(${admissionSteps.seq})` })
        .from(admissionSteps)
        .where(eq(admissionSteps.fileId, id));
      await tx
        .update(admissionFiles)
        .set({
          status: f.status,
          data: f,
          registeredOn: f.registeredOn,
          decidedOn: f.decidedOn,
          departedOn: f.departedOn,
          arrivedOn: f.arrivedOn,
          grantedStatus: f.grantedStatus,
          version: row.version + 1,
          updatedAt: now,
          ...extra(f),
          ...written,
        })
        .where(eq(admissionFiles.id, id));
      await tx.insert(admissionSteps).values({
        fileId: id,
        seq: Number(last?.seq ?? 0) + 1,
        step,
        on,
        detail,
        salt,
        by: p.username,
        at: now,
      });
    },
  );
}

async function viewAfter(deps: AdmissionDeps, id: string, p: Principal, now: Date) {
  const v = await fileView(deps, id, p, now);
  if (!v) throw new AdmissionNotFoundError('the admission file');
  return v;
}

export async function recordStep(
  deps: AdmissionDeps,
  id: string,
  b: { step: RecordedStep; on: string; categories?: EligibilityCategory[]; note?: string },
  p: Principal,
  now: Date,
) {
  if (b.categories && b.step !== 'eligibility-assessed')
    throw new AdmissionStepError(
      'categories-not-of-step',
      'categories go with eligibility-assessed only',
      'body/categories',
      false,
    );
  const detail = {
    ...(b.categories ? { categories: b.categories } : {}),
    ...(b.note ? { note: b.note } : {}),
  };
  await change(deps, id, p, now, b.step, b.on, detail, (f, today) =>
    applyStep(f, b.step, b.on, today, b.categories),
  );
  return viewAfter(deps, id, p, now);
}

export async function decideFile(
  deps: AdmissionDeps,
  id: string,
  b: {
    outcome: 'admitted' | 'refused';
    on: string;
    grounds?: RefusalGround[];
    status?: GrantedStatus;
    reasons: string;
  },
  p: Principal,
  now: Date,
) {
  const detail = {
    outcome: b.outcome,
    reasons: b.reasons,
    ...(b.grounds ? { grounds: b.grounds } : {}),
    ...(b.status ? { status: b.status } : {}),
  };
  await change(deps, id, p, now, 'decided', b.on, detail, (f, today) => decide(f, b, today));
  return viewAfter(deps, id, p, now);
}

export async function recordArrival(
  deps: AdmissionDeps,
  id: string,
  b: { on: string },
  p: Principal,
  now: Date,
) {
  // issue 22: the case starts in the same transaction, from the status the Regulation gives the person
  // (src/domain/admission/arrival-case.ts); the file keeps its id. A second arrival is refused by the file's
  // state machine (arrived is not departed: 409) under the row lock, and by the arrival's unique reference.
  await change(
    deps,
    id,
    p,
    now,
    'arrived',
    b.on,
    {},
    (f, today) => arrive(f, b.on, today),
    () => ({}),
    async (tx, row, f) => {
      const caseId = await writeAdmittedCase(
        tx,
        deps,
        {
          state: row.state,
          arrivedAt: arrivalInstant(row.state, b.on, now),
          person: {
            ...(row.nationality ? { nationality: row.nationality } : {}),
            sex: (row.sex ?? 'unknown') as Person['sex'],
            ...(row.birthYear ? { birthYear: row.birthYear } : {}),
            minor: false,
            unaccompanied: false,
            vulnerabilities: [],
          },
          admission: {
            fileId: row.id,
            programmeId: row.programmeId,
            procedure: row.procedure as AdmissionProcedure,
            grantedStatus: f.grantedStatus as GrantedStatus,
            decidedOn: f.decidedOn ?? b.on,
            arrivedOn: b.on,
          },
        },
        p,
        now,
      );
      return { caseId };
    },
  );
  const v = await viewAfter(deps, id, p, now);
  return {
    id,
    status: 'arrived' as const,
    grantedStatus: v.grantedStatus as GrantedStatus,
    caseId: v.caseId,
  };
}

/** The instant of an arrival on `day` in the state's calendar: now when it is today, else noon of that day. */
export function arrivalInstant(state: string, day: string, now: Date): string {
  const zone = STATE_TIME_ZONES[state as MemberStateCode] ?? 'UTC';
  if (stateToday(state, now) === day) return now.toISOString();
  return DateTime.fromISO(`${day}T12:00:00`, { zone }).toUTC().toISO() ?? now.toISOString();
}
