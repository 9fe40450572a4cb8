// issue 22: a programme's admission files as the coordinator lists them (GET /api/admission/programmes/:id/files):
// the reader's own state's files only, with their step, decision due day and case. The files' writes:
// admission-files.ts.
import { and, asc, eq } from 'drizzle-orm';
import type { MemberStateCode } from '../../law/member-states.ts';
import { type AdmissionFileState, decisionDue } from '../domain/admission/file.ts';
import type { AdmissionProcedure, FileStatus, GrantedStatus } from '../domain/admission/vocabulary.ts';
import { type AdmissionDeps, findProgramme } from './admission.ts';
import { stateToday } from './admission-files.ts';
import { admissionFiles } from './schema-admission.ts';

export interface FileListItem {
  id: string;
  referralRef: string;
  referredOn: string;
  procedure: AdmissionProcedure;
  status: FileStatus;
  decisionDueOn: string | null;
  grantedStatus: GrantedStatus | null;
  caseId: string | null;
}

/**
 * `state`'s own files of a programme (never another state's), in the order of referral, each with its step, the
 * last day of its decision period while one runs, and its case once arrived; undefined when the programme is not
 * the reader's. No facts of the person (nationality, sex, year of birth): the file page shows them.
 */
export async function listFiles(
  deps: AdmissionDeps,
  programmeId: string,
  state: string,
  now: Date,
  status?: FileStatus,
): Promise<FileListItem[] | undefined> {
  const db = deps.db;
  if (!(await findProgramme(db, programmeId, state))) return undefined;
  const today = stateToday(state, now);
  const where = [eq(admissionFiles.programmeId, programmeId), eq(admissionFiles.state, state)];
  if (status) where.push(eq(admissionFiles.status, status));
  const rows = await db
    .select()
    .from(admissionFiles)
    .where(and(...where))
    .orderBy(asc(admissionFiles.referredOn), asc(admissionFiles.createdAt), asc(admissionFiles.referralRef));
  return rows.map((r) => ({
    id: r.id,
    referralRef: r.referralRef,
    referredOn: r.referredOn,
    procedure: r.procedure as AdmissionProcedure,
    status: r.status as FileStatus,
    decisionDueOn:
      decisionDue(deps.law, state as MemberStateCode, r.data as AdmissionFileState, today)?.dueOn ?? null,
    grantedStatus: (r.grantedStatus as GrantedStatus | null) ?? null,
    caseId: r.caseId,
  }));
}
