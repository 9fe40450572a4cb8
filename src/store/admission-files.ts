// Admission files (Regulation (EU) 2024/1350 Arts 5, 6, 9, 10). (contract stub; filled next)
import type { z } from 'zod';
import type {
  ArrivalBody,
  ArrivalResult,
  DecisionBody,
  FileView,
  NewFile,
  StepBody,
} from '../api/routes/admission-schemas.ts';
import type { ApiDeps } from '../api/server.ts';
import type { Principal } from '../domain/roles.ts';

type View = z.infer<typeof FileView>;

export async function createFile(
  _deps: ApiDeps,
  _programmeId: string,
  _body: z.infer<typeof NewFile>,
  _p: Principal,
  _now: Date,
): Promise<string> {
  throw new Error('not yet');
}
export async function fileView(
  _deps: ApiDeps,
  _id: string,
  _p: Principal,
  _now: Date,
): Promise<View | undefined> {
  throw new Error('not yet');
}
export async function recordStep(
  _deps: ApiDeps,
  _id: string,
  _body: z.infer<typeof StepBody>,
  _p: Principal,
  _now: Date,
): Promise<View> {
  throw new Error('not yet');
}
export async function decideFile(
  _deps: ApiDeps,
  _id: string,
  _body: z.infer<typeof DecisionBody>,
  _p: Principal,
  _now: Date,
): Promise<View> {
  throw new Error('not yet');
}
export async function recordArrival(
  _deps: ApiDeps,
  _id: string,
  _body: z.infer<typeof ArrivalBody>,
  _p: Principal,
  _now: Date,
): Promise<z.infer<typeof ArrivalResult>> {
  throw new Error('not yet');
}
