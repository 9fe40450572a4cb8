// What the admission routes share: the store's dependencies from the server's, and the answer to a step the
// file or programme cannot take — 404 for a file or programme that is not the reader's (or none), 409 when its
// status does not allow the step, 422 for a fact that cannot be (a day in the future, before the last step,
// no grounds for a refusal, no reference data for the key).
import { AdmissionStepError } from '../../domain/admission/file.ts';
import { PactError } from '../../law/errors.ts';
import type { AdmissionDeps } from '../../store/admission.ts';
import { AdmissionNotFoundError } from '../../store/admission-files.ts';
import { HttpProblem, notFound } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

export const admissionDeps = (deps: ApiDeps): AdmissionDeps => ({
  db: deps.store.db,
  law: deps.services.law,
  uuid: deps.services.uuid,
});

export async function answer<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AdmissionNotFoundError) throw notFound(e.what);
    if (e instanceof AdmissionStepError)
      throw new HttpProblem(
        e.conflict ? 409 : 422,
        e.code,
        e.conflict ? 'Not allowed in this status' : 'Cannot be recorded',
        e.message,
        [{ field: e.field, reason: e.message, code: e.code }],
      );
    if (e instanceof PactError)
      throw new HttpProblem(422, e.code, 'Cannot be recorded', e.message, [
        { field: 'body', reason: e.message, code: e.code },
      ]);
    throw e;
  }
}
