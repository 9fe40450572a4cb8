// Admission files over HTTP (Regulation (EU) 2024/1350 Arts 5, 6, 9 and 10): one per referred person, in the
// state that examines the referral — created from the referral, then registration, the eligibility assessment,
// the decision with its reasons (admitted, or refused on the grounds of Art. 6), the pre-departure steps, the
// departure and the arrival. Only the national coordinator of the file's state reads or writes it: a file of
// another state is answered 404, as a case is; the Union never sees one.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listFiles } from '../../store/admission-file-list.ts';
import { createFile, decideFile, fileView, recordArrival, recordStep } from '../../store/admission-files.ts';
import { principal, requires } from '../auth.ts';
import { notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import {
  ArrivalBody,
  ArrivalResult,
  DecisionBody,
  FileId,
  FileList,
  FileListQuery,
  FileView,
  NewFile,
  ProgrammeId,
  StepBody,
} from './admission-schemas.ts';
import { admissionDeps, answer } from './admission-scope.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export function admissionFileRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();
  const d = admissionDeps(deps);
  const guard = { preHandler: requires(deps, 'admission.manage') };

  r.post(
    '/api/admission/programmes/:id/files',
    {
      schema: {
        tags: ['admission'],
        summary: "open an admission file from a referral, in one's own state (Art. 9(1))",
        params: ProgrammeId,
        body: NewFile,
        response: { 201: z.object({ id: z.string(), status: z.string() }), ...errors },
      },
      ...guard,
    },
    async (request, reply) => {
      const p = principal(request);
      const id = await answer(() => createFile(d, request.params.id, request.body, p, now()));
      return reply.code(201).send({ id, status: 'referred' });
    },
  );

  r.get(
    '/api/admission/programmes/:id/files',
    {
      schema: {
        tags: ['admission'],
        summary:
          "the reader's own state's files of a programme, in the order of referral (?stage= one step); no other state's",
        params: ProgrammeId,
        querystring: FileListQuery,
        response: { 200: FileList, ...errors },
      },
      ...guard,
    },
    async (request) => {
      const state = principal(request).jurisdiction;
      const files = await listFiles(d, request.params.id, state, now(), request.query.stage);
      if (!files) throw notFound('the programme');
      return files;
    },
  );

  r.get(
    '/api/admission/files/:id',
    {
      schema: {
        tags: ['admission'],
        summary: "an admission file of one's own state: its steps, decision, deadline and what may follow",
        params: FileId,
        response: { 200: FileView, ...errors },
      },
      ...guard,
    },
    async (request) => {
      const view = await fileView(d, request.params.id, principal(request), now());
      if (!view) throw notFound('the admission file');
      return view;
    },
  );

  r.post(
    '/api/admission/files/:id/steps',
    {
      schema: {
        tags: ['admission'],
        summary:
          'record a step of a file: registration, the eligibility assessment (Art. 5), a pre-departure step, the departure, or its withdrawal',
        params: FileId,
        body: StepBody,
        response: { 200: FileView, ...errors },
      },
      ...guard,
    },
    async (request) =>
      answer(() => recordStep(d, request.params.id, request.body, principal(request), now())),
  );

  r.post(
    '/api/admission/files/:id/decision',
    {
      schema: {
        tags: ['admission'],
        summary:
          'decide on admission with reasons: admitted (with the status to be granted) or refused on the grounds of Art. 6',
        params: FileId,
        body: DecisionBody,
        response: { 200: FileView, ...errors },
      },
      ...guard,
    },
    async (request) =>
      answer(() => decideFile(d, request.params.id, request.body, principal(request), now())),
  );

  r.post(
    '/api/admission/files/:id/arrival',
    {
      schema: {
        tags: ['admission'],
        summary: "record the admitted person's arrival in the state",
        params: FileId,
        body: ArrivalBody,
        response: { 200: ArrivalResult, ...errors },
      },
      ...guard,
    },
    async (request) =>
      answer(() => recordArrival(d, request.params.id, request.body, principal(request), now())),
  );
}
