// The national values an administrator confirms (issue 17): the APR Art. 67(7) appeal windows that no
// published Pact-era act of the state gives (shared/spec/pact-rules.md section 9). A state's administrator
// reads and confirms its own state's; an EU administrator any state's. Each change is audited
// (src/store/national-settings.ts), and the next notification of a decision counts its window with it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  APPEAL_WINDOWS,
  confirmAppealWindow,
  listAppealWindows,
  SettingInputError,
} from '../../store/national-settings.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, HttpProblem, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const AppealWindow = z.object({
  state: z.string(),
  window: z.enum(APPEAL_WINDOWS),
  since: z.string(),
  amount: z.number(),
  unit: z.enum(['days', 'weeks', 'months']),
  source: z.string(),
  confirmedBy: z.string(),
  confirmedAt: z.string(),
});

const AppealWindowBody = z
  .object({
    /** the member state (an EU administrator only; a state's administrator sets its own) */
    state: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    window: z.enum(APPEAL_WINDOWS),
    /** the first day the value applies (not before the APR applies: 12 June 2026) */
    since: z.iso.date(),
    amount: z.number().int().min(1).max(366),
    unit: z.enum(['days', 'weeks', 'months']),
    /** the national act or decision relied on */
    source: z.string().trim().min(3).max(500),
  })
  .strict();

export function settingsRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/settings/appeal-windows',
    {
      schema: {
        tags: ['settings'],
        summary:
          "the appeal windows (APR Art. 67(7)) an administrator confirmed for your state (EU: every state's)",
        response: { 200: z.array(AppealWindow), 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'settings.manage'),
    },
    async (request) => {
      const p = principal(request);
      return listAppealWindows(deps.store.db, p.jurisdiction === 'EU' ? undefined : p.jurisdiction);
    },
  );
  r.put(
    '/api/settings/appeal-windows',
    {
      schema: {
        tags: ['settings'],
        summary:
          "confirm your state's appeal window (APR Art. 67(7): 5–10 days for rejections in the accelerated or border procedure, 2 weeks – 1 month otherwise)",
        body: AppealWindowBody,
        response: { 200: AppealWindow, 400: Problem, 401: Problem, 403: Problem, 422: Problem },
      },
      preHandler: requires(deps, 'settings.manage'),
    },
    async (request) => {
      const p = principal(request);
      const state = p.jurisdiction === 'EU' ? request.body.state : p.jurisdiction;
      if (!state)
        throw new HttpProblem(422, 'invalid-setting', 'Invalid setting', 'state: name the member state', [
          { field: 'body/state', reason: 'an EU administrator names the member state' },
        ]);
      if (p.jurisdiction !== 'EU' && request.body.state && request.body.state !== p.jurisdiction)
        throw forbidden("a state's administrator confirms only its own state's values");
      try {
        const { state: _s, ...rest } = request.body;
        const saved = await confirmAppealWindow(
          deps.store.db,
          deps.services.law,
          { ...rest, state },
          deps.services.clock(),
          p.username,
        );
        await deps.cases.refreshNationalSettings();
        return saved;
      } catch (e) {
        if (e instanceof SettingInputError)
          throw new HttpProblem(422, e.code, 'Invalid setting', e.message, [
            { field: `body/${e.field}`, reason: e.message },
          ]);
        throw e;
      }
    },
  );
}
