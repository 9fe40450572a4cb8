// Admission programmes (Regulation (EU) 2024/1350): stored, split, counted. (contract stub; filled next)
import type { z } from 'zod';
import type {
  NewProgramme,
  ProgrammeSummary,
  ProgrammeView,
  PublicAdmissions,
  UnionAdmission,
} from '../api/routes/admission-schemas.ts';
import type { ApiDeps } from '../api/server.ts';
import type { Db } from './database.ts';
import type { Rounder } from './disclosure.ts';

export const ADMISSIONS_NOTE = 'Arrivals of admitted persons by programme, nationality and period.';

type Row = z.infer<typeof PublicAdmissions>['rows'][number];

export async function createProgramme(
  _deps: ApiDeps,
  _body: z.infer<typeof NewProgramme>,
  _actor: string,
  _now: Date,
): Promise<string> {
  throw new Error('not yet');
}
export async function listProgrammes(
  _db: Db,
  _jurisdiction: string,
): Promise<z.infer<typeof ProgrammeSummary>[]> {
  throw new Error('not yet');
}
export async function programmeView(
  _deps: ApiDeps,
  _id: string,
  _jurisdiction: string,
  _now: Date,
): Promise<z.infer<typeof ProgrammeView> | undefined> {
  throw new Error('not yet');
}
export async function unionAdmission(
  _db: Db,
  _round: Rounder,
  _now: Date,
): Promise<z.infer<typeof UnionAdmission>> {
  throw new Error('not yet');
}
export async function admissionArrivals(
  _db: Db,
  _q: { state: string; from: string; to: string; granularity: string; timeZone: string },
): Promise<Row[]> {
  throw new Error('not yet');
}
export function suppressArrivals(
  rows: Row[],
  _q: { state: string; from: string; to: string; granularity: string },
  _round: Rounder,
): Row[] {
  return rows;
}
