// Bad input never breaks the API. More than 10,000 generated malformed requests (fast-check, fixed seeds) go to
// every route of the OpenAPI document and the hidden ones, each authenticated as a role allowed there (in LT)
// so that it reaches validation: valid bodies with fields dropped, retyped, replaced by odd or bad values,
// poisoned with NUL or unpaired surrogates, or joined by unknown fields; invalid JSON, invalid UTF-8, deep
// nesting, wrong content types, empty and oversized bodies; bad path parameters, query strings and
// Idempotency-Keys. Mostly one part of a request is bad and the rest valid, so that many get past validation
// into the handlers and the database. Every answer is below 500; every 4xx is application/problem+json with
// type, title, status and detail; every 400 and 422 (always about the input) lists errors [{ field, reason }]
// whose field names a part of the request and, below it, an input the OpenAPI document gives for the route.
// The generators are in bad-input-mutations.ts, bad-input-encodings.ts and bad-input-requests.ts.
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { volume } from '../volume.ts';
import { encode } from './bad-input-encodings.ts';
import { isObject, type Json, mutate } from './bad-input-mutations.ts';
import {
  at,
  type Focus,
  type Generated,
  type Inputs,
  type OpenApi,
  type Route,
  requestArb,
  stringsOnly,
  wrongWith,
} from './bad-input-requests.ts';
import { encounterBody, type Harness, PASSWORD, startHarness } from './harness.ts';

const SEED = 20_261_209;
const MIN_REQUESTS = volume(10_000, 1_200);
// PGlite only: what is tested is the HTTP layer (api.test.ts runs the main paths on every backend)
describe.each(BACKENDS.filter((b) => b.name === 'pglite'))(
  'bad input on $name: never a 5xx, always problem+json naming the field',
  (backend) => {
    let h: Harness;
    let caseId = '';
    // issue 18: the encounter of the setup (the group print's path parameter)
    let encounterId = '';
    // issue 22: admission — the setup's programme and file
    let programmeId = '';
    let admissionFileId = '';
    const OTHER_ADMISSION = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const admissionProgramme: Json = {
      name: 'Fuzzed programme',
      planStart: '2026-07-01',
      admissionType: 'resettlement',
      region: 'a camp',
      thirdCountry: 'BY',
      referringOrganisation: 'UNHCR',
      total: 2000,
      splitMethod: 'pledges',
      pledges: [
        { state: 'LT', admissionType: 'resettlement', persons: 500 },
        { state: 'PL', admissionType: 'humanitarian-admission', persons: 300 },
      ],
    };
    const admissionFile = { referredOn: '2026-07-10', nationality: 'IQ', procedure: 'ordinary' };
    let sent = 0;
    const hashed = new Map<string, number>();
    /** `METHOD /path/:param` → the inputs the OpenAPI document gives for it. */
    const documented = new Map<string, Inputs>();

    beforeAll(async () => {
      h = await startHarness(backend);
      const r = await h.inject({
        method: 'POST',
        url: '/api/encounters',
        headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'bad-input-setup-1' },
        payload: encounterBody('LT', 'BAD-INPUT-SETUP'),
      });
      expect(r.statusCode).toBe(201);
      caseId = r.json().caseIds[0];
      encounterId = r.json().encounterId;
      // issue 22: admission — a programme and a file of LT to send the admission routes to
      const coordinator = h.account('solidarity-coordinator', 'LT').headers;
      const pr = await h.inject({
        method: 'POST',
        url: '/api/admission/programmes',
        headers: coordinator,
        payload: admissionProgramme,
      });
      expect(pr.statusCode, pr.body).toBe(201);
      programmeId = pr.json().id;
      const fr = await h.inject({
        method: 'POST',
        url: `/api/admission/programmes/${programmeId}/files`,
        headers: coordinator,
        payload: { ...admissionFile, referralRef: 'BAD-INPUT-SETUP' },
      });
      expect(fr.statusCode, fr.body).toBe(201);
      admissionFileId = fr.json().id;
      const doc = (await h.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
      for (const [path, ops] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(ops)) {
          const parts: Record<string, Set<string>> = {
            body: new Set(
              Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
            ),
            querystring: new Set(),
            params: new Set(),
            headers: new Set(),
          };
          for (const p of op.parameters ?? [])
            parts[{ query: 'querystring', path: 'params', header: 'headers' }[p.in] ?? p.in]?.add(p.name);
          documented.set(`${method.toUpperCase()} ${path.replace(/\{\w+\}/g, ':param')}`, parts);
        }
    }, 60_000);
    afterAll(async () => h?.close());

    const caseIds = () => [caseId, caseId, caseId.slice(0, 8), '9b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'];
    // issue 22: admission
    const programmeIds = () => [programmeId, programmeId, programmeId.slice(0, 8), OTHER_ADMISSION];
    const admissionFileIds = () => [admissionFileId, admissionFileId, 'x', OTHER_ADMISSION];
    const OTHER_CASE = '9b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    /** Valid encounters, of references unique to request `n`. */
    const encounters = (n: number): Json[] => [
      encounterBody('LT', `FUZZ-${n}-1`, 1),
      encounterBody('LT', `FUZZ-${n}-2`, 2),
      encounterBody('LT', `FUZZ-${n}-3`, 3),
      {
        ...encounterBody('LT', `FUZZ-${n}-4`, 1),
        borderSection: 'LT-BY',
        placeId: 'LT-MEDININKAI',
        force: { used: true, kind: 'handcuffs', reason: 'resisted' },
        persons: [
          {
            nationality: 'SY',
            minor: true,
            unaccompanied: true,
            vulnerabilities: ['trafficking-victim'],
            birthYear: 2012,
          },
        ],
      },
      { ref: `FUZZ-${n}-5`, state: 'LT', occurredAt: at, kind: 'entry-prevented-refused', groupSize: 1 },
    ];
    const commands: Json[] = [
      { type: 'screening.completed', at, outcome: 'asylum' },
      { type: 'eurodac.transmitted', at },
      { type: 'screening.check-recorded', at, check: 'identity', result: 'passport seen' },
      { type: 'asylum-wish.expressed', at, where: 'station', to: 'border guard' },
      {
        type: 'application.routed',
        at,
        procedure: 'border',
        grounds: ['security'],
        exemption: 'special-needs',
      },
      {
        type: 'detention.ordered',
        at,
        grounds: ['identity'],
        reasons: 'synthetic reasons',
        nextReviewBy: '2026-12-20T00:00:00Z',
      },
      { type: 'return.voluntary-departure', at, days: 7 },
      { type: 'return.executed', at, to: 'IQ' },
      { type: 'decision.issued', at, decision: 'unfounded' },
      { type: 'case.closed', at, reason: 'duplicate' },
    ];

    // Every route of the OpenAPI document has an entry (checked below), and the hidden ones too. Routes that
    // take no input get few requests: each reaches the handler and the database.
    const ROUTES: readonly Route[] = [
      {
        method: 'POST',
        path: '/api/auth/login',
        runs: 1500,
        quickRuns: 50,
        bodies: () => [
          { username: 'border-guard.lt', password: 'not-the-password' },
          { username: 'nobody', password: 'not-the-password' },
        ],
        hashes: (b) => stringsOnly(b, ['username', 'password']),
        hashCap: 40,
      },
      // without a token: a logout revokes the credential it comes with
      { method: 'POST', path: '/api/auth/logout', runs: 200, bodies: () => [{}] },
      { method: 'GET', path: '/api/auth/me', as: 'monitor@LT', runs: 40, query: { x: ['1'] } },
      { method: 'GET', path: '/api/auth/tokens', as: 'monitor@LT', runs: 40, query: { x: ['1'] } },
      {
        method: 'POST',
        path: '/api/auth/password',
        as: 'monitor@PL',
        runs: 700,
        // the right old password and a new one too short, too: the answer must name newPassword
        bodies: () => [
          { oldPassword: 'not-the-password', newPassword: 'a-new-password-123' },
          { oldPassword: PASSWORD, newPassword: 'short' },
        ],
        hashes: (b) => stringsOnly(b, ['oldPassword', 'newPassword']),
        hashCap: 25,
      },
      {
        method: 'POST',
        path: '/api/auth/tokens',
        as: 'return-officer@PL',
        runs: 200,
        // a token cannot issue tokens: valid bodies end in 403, invalid ones in 400 (validation comes first)
        bodies: (): Json[] => [
          { name: 'fuzz-token', scopes: ['read'] },
          { name: 'a.b_c-1', scopes: ['read', 'write', 'export'], expiresInDays: 365 },
        ],
      },
      {
        method: 'DELETE',
        path: '/api/auth/tokens/:param',
        as: 'return-officer@PL',
        runs: 200,
        params: () => ['fuzz-token', 'a.b_c-1', 'no-such-token'],
      },
      {
        method: 'GET',
        path: '/api/fair-shares',
        runs: 1800,
        query: {
          pool: ['2026', '2027', '2100'],
          relocations: ['1', '30000', '10000000'],
          eur: ['0.01', '1.5', '600000000', '1000000000000', '0.005'],
          asOf: ['2026-11-24', '2026-06-12', '2024-06-11', '2100-01-01', '2026-02-30', '0001-01-01'],
          country: ['LT', 'PL', 'DK', 'IE', 'HU', 'EL'],
          relocate: ['0', '50', '100', '33.3333333', '0.0000001'],
        },
      },
      { method: 'GET', path: '/api/params', runs: 40, query: { name: ['x'] } },
      {
        method: 'GET',
        path: '/api/params/:param',
        runs: 1600,
        params: () => ['apr.registration.deadline', 'screening.external-border.deadline', 'no.such'],
      },
      {
        method: 'POST',
        path: '/api/encounters',
        as: 'border-guard@LT',
        idempotency: true,
        runs: 1000,
        bodies: encounters,
      },
      {
        method: 'POST',
        path: '/api/encounters/batch',
        as: 'screening-officer@LT',
        idempotency: true,
        runs: 300,
        bodies: (n) => [
          { encounters: encounters(n).slice(0, 2) },
          { encounters: encounters(n).slice(2) },
          { encounters: [encounterBody('PL', `FUZZ-${n}-PL`, 1)] },
        ],
      },
      { method: 'GET', path: '/api/cases/:param', as: 'case-officer@LT', runs: 300, params: caseIds },
      {
        method: 'POST',
        path: '/api/cases/:param/actions',
        as: 'screening-officer@LT',
        idempotency: true,
        runs: 900,
        params: caseIds,
        bodies: () => commands.map((command, i) => ({ expectedVersion: 1 + (i % 3), command })),
      },
      {
        method: 'POST',
        path: '/api/cases/:param/amendments',
        as: 'screening-officer@LT',
        idempotency: true,
        runs: 600,
        params: caseIds,
        bodies: (): Json[] =>
          [
            { kind: 'person', field: 'birthYear', value: 2010, reason: 'the passport' },
            {
              kind: 'person',
              field: 'identity.birthDate',
              value: { value: '2030', precision: 'year' },
              reason: 'x',
            },
            { kind: 'person', field: 'nationality', value: 'SY', reason: 'stated again' },
            { kind: 'encounter', field: 'occurredAt', value: at, reason: 'the patrol log' },
            { kind: 'encounter', field: 'groupSize', value: 4, reason: 'counted again' },
            { kind: 'action', seq: 2, field: 'result', value: 'no hit', reason: 'typo' },
          ].map((amendment, i) => ({ expectedVersion: 1 + (i % 2), amendment })) as unknown as Json[],
      },
      {
        method: 'GET',
        path: '/api/queue',
        as: 'case-officer@LT',
        runs: 1000,
        query: {
          due: ['48h', '3d', '90m', '99999d', '0h'],
          overdue: ['true', 'false'],
          kind: ['screening', 'registration'],
          nationality: ['IQ', 'SY'],
          limit: ['1', '100', '1000', '1001'],
          after: [
            '2026-12-16T00:00:00.000Z~1',
            '2026-13-45T00:00:00Z~1',
            '2026-02-30T00:00:00Z~1',
            '2026-12-16T00:00:00Z~999999999999999999',
            '9999-12-31T23:59:59.999Z~0',
            '0000-01-01T0Z~1',
            '2026-12-16T99:99:99Z~1',
          ],
        },
      },
      {
        method: 'POST',
        path: '/api/crises',
        as: 'administrator@LT',
        runs: 400,
        bodies: (): Json[] => [
          { kind: 'mass-arrivals', from: '2026-12-01', to: '2026-12-31', act: 'Resolution No 1' },
          {
            kind: 'mass-arrivals',
            from: '2026-12-01',
            to: '2027-02-28',
            extendedTo: '2027-05-31',
            act: 'Resolution No 2',
          },
          {
            kind: 'instrumentalisation',
            from: '2026-12-10',
            to: '2027-03-09',
            act: 'Decree 7',
            borderSections: ['LT-BY', 'LT-RU'],
          },
        ],
      },
      { method: 'GET', path: '/api/users', as: 'administrator@LT', runs: 40, query: { x: ['1'] } },
      { method: 'GET', path: '/api/places', as: 'border-guard@LT', runs: 40, query: { x: ['1'] } },
      { method: 'GET', path: '/api/crises', as: 'case-officer@LT', runs: 40, query: { x: ['1'] } },
      // issue 17: remedies — the appeal windows an administrator confirms (APR Art. 67(7))
      {
        method: 'GET',
        path: '/api/settings/appeal-windows',
        as: 'administrator@LT',
        runs: 40,
        query: { x: ['1'] },
      },
      {
        method: 'PUT',
        path: '/api/settings/appeal-windows',
        as: 'administrator@LT',
        runs: 200,
        bodies: (): Json[] => [
          {
            window: 'window-other',
            since: '2026-06-12',
            amount: 14,
            unit: 'days',
            source: 'fuzz: a test act',
          },
          {
            window: 'window-fast-track',
            since: '2026-06-12',
            amount: 7,
            unit: 'days',
            source: 'fuzz: a test act',
          },
        ],
      },
      // issue 15: the set-up of a fresh installation
      { method: 'GET', path: '/api/setup', as: 'administrator@LT', runs: 40, query: { x: ['1'] } },
      {
        method: 'POST',
        path: '/api/places/import',
        as: 'administrator@LT',
        runs: 300,
        bodies: (n): Json[] => [
          { source: 'shipped' },
          {
            source: 'file',
            csv: `id,state,kind,name,border_section,open\nLT-FZ-${n},LT,border-section,Fuzz section ${n},,true\nLT-FZ-${n}-ST,LT,station,Fuzz station,LT-FZ-${n},false\n`,
          },
          { source: 'file', csv: 'id,state,kind\n"unclosed,LT,site\n' },
        ],
      },
      {
        method: 'POST',
        path: '/api/users',
        as: 'administrator@LT',
        runs: 900,
        bodies: () => [
          { username: 'fuzz.user', role: 'border-guard', jurisdiction: 'LT' },
          { username: 'fuzz.admin', role: 'administrator', jurisdiction: 'LT' },
        ],
        hashes: (b) =>
          isObject(b) &&
          typeof b.username === 'string' &&
          /^[a-z0-9][a-z0-9._-]{2,63}$/.test(b.username) &&
          typeof b.role === 'string' &&
          typeof b.jurisdiction === 'string',
        hashCap: 20,
      },
      {
        method: 'PATCH',
        path: '/api/users/:param',
        as: 'administrator@LT',
        runs: 300,
        // accounts no other route of this file sends with, and one that does not exist
        params: () => ['solidarity-coordinator.lt', 'return-officer.lt', 'no.such.user'],
        bodies: (): Json[] => [{ disabled: true }, { disabled: false }, { resetPassword: true }],
        hashes: (b) => isObject(b) && b.resetPassword === true,
        hashCap: 10,
      },
      { method: 'GET', path: '/api/users/requests', as: 'administrator@LT', runs: 40, query: { x: ['1'] } },
      ...(['approve', 'refuse'] as const).map(
        (d): Route => ({
          method: 'POST',
          path: `/api/users/requests/:param/${d}`,
          as: 'administrator@PL',
          runs: 100,
          params: () => ['6f1c2b0e-8a6d-4c1e-9c55-0d6b1f1a2b3c', 'not-a-uuid'],
          bodies: () => [{}],
        }),
      ),
      {
        method: 'GET',
        path: '/api/users/:param/tokens',
        as: 'administrator@LT',
        runs: 100,
        params: () => ['case-officer.lt', 'case-officer.pl', 'no.such.user'],
        query: { x: ['1'] },
      },
      {
        method: 'DELETE',
        path: '/api/users/:param/tokens/:param',
        as: 'administrator@LT',
        runs: 150,
        // never the harness's token named 'test'
        params: () => ['case-officer.lt|no-such-token', 'case-officer.pl|fuzz-token', 'no.such.user|x'],
      },
      {
        method: 'GET',
        path: '/api/account-events',
        as: 'monitor@LT',
        runs: 300,
        query: { from: ['2026-12-01', '2026-02-30', '2027-01-01'], to: ['2026-12-31', '2026-11-30'] },
      },
      {
        method: 'POST',
        path: '/api/findings',
        as: 'monitor@LT',
        runs: 300,
        bodies: (): Json[] => [
          { caseId, category: 'access-to-asylum', text: 'no interpreter at the station' },
          { category: 'use-of-force', text: 'handcuffs on a minor' },
        ],
      },
      {
        method: 'GET',
        path: '/api/findings',
        as: 'case-officer@LT',
        runs: 900,
        query: { caseId: [caseId, '9b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 'not-a-uuid'] },
      },
      {
        method: 'GET',
        path: '/api/stats/daily',
        as: 'analyst@EU',
        runs: 900,
        query: {
          from: ['2026-12-01', '2026-12-08', '2024-02-29', '2026-02-30', '0000-01-01', '9999-12-31'],
          to: ['2026-12-08', '2026-12-31', '2027-12-31', '2026-11-30', '2026-13-01'],
          state: ['LT', 'PL', 'GR', 'EL', 'XX'],
        },
      },
      // public, no login: aggregates with small cells suppressed (src/api/routes/public-aggregates.ts)
      {
        method: 'GET',
        path: '/api/public/aggregates',
        runs: 300,
        query: {
          state: ['LT', 'PL', 'GR', 'EL', 'XX', 'lt'],
          from: ['2026-11-01', '2022-01-01', '2024-02-29', '2026-02-30', '0000-01-01', '9999-12-31'],
          to: ['2026-12-31', '2026-11-30', '2027-01-01', '2026-13-01', '2031-12-31'],
          granularity: ['day', 'week', 'month', 'year', 'quarter'],
          by: ['none', 'border-section', 'place', 'nationality', 'kind', 'outcome', 'sex'],
          compare: ['previous-year', 'next-year', ''],
        },
      },
      // public, no login: decisions with the recognition rate, detentions with their lengths
      // (src/api/routes/public-outcomes.ts)
      {
        method: 'GET',
        path: '/api/public/decisions',
        runs: 200,
        query: {
          state: ['LT', 'PL', 'GR', 'EL', 'XX', 'lt'],
          from: ['2026-11-01', '2022-01-01', '2024-02-29', '2026-02-30', '0000-01-01', '9999-12-31'],
          to: ['2026-12-31', '2026-11-30', '2027-01-01', '2026-13-01', '2031-12-31'],
          granularity: ['day', 'week', 'month', 'year', 'quarter'],
        },
      },
      {
        method: 'GET',
        path: '/api/public/detentions',
        runs: 200,
        query: {
          state: ['LT', 'PL', 'GR', 'EL', 'XX', 'lt'],
          from: ['2026-11-01', '2022-01-01', '2024-02-29', '2026-02-30', '0000-01-01', '9999-12-31'],
          to: ['2026-12-31', '2026-11-30', '2027-01-01', '2026-13-01', '2031-12-31'],
          granularity: ['day', 'week', 'month', 'year', 'quarter'],
        },
      },
      // the monitoring mechanism's indicators and their cases (src/api/routes/monitoring.ts)
      {
        method: 'GET',
        path: '/api/monitoring/indicators',
        as: 'administrator@EU',
        runs: 300,
        query: {
          from: ['2026-12-01', '2026-12-08', '2024-02-29', '2026-02-30', '0000-01-01'],
          to: ['2026-12-08', '2026-12-31', '2027-12-31', '2026-11-30', '2026-13-01'],
          state: ['LT', 'PL', 'EL', 'XX'],
        },
      },
      {
        method: 'GET',
        path: '/api/monitoring/cases',
        as: 'monitor@LT',
        runs: 300,
        query: {
          indicator: [
            'not-registered-overdue',
            'registered-late',
            'refused-after-wish',
            'irregular-entry-detention',
            'deadline-missed',
          ],
          from: ['2026-12-01', '2026-12-08', '2026-02-30', '0000-01-01'],
          to: ['2026-12-08', '2026-12-31', '2027-12-31', '2026-11-30'],
          limit: ['1', '100', '1000', '1001', '0'],
          state: ['LT', 'PL', 'XX'],
        },
      },
      {
        method: 'GET',
        path: '/api/monitoring/report',
        as: 'monitor@LT',
        runs: 300,
        query: {
          from: ['2026-12-01', '2026-12-08', '2024-02-29', '2026-02-30', '0000-01-01'],
          to: ['2026-12-08', '2026-12-31', '2027-12-31', '2026-11-30', '2026-13-01'],
          format: ['csv', 'html', 'pdf'],
          public: ['true', 'false', 'yes'],
          state: ['LT', 'PL', 'XX'],
        },
      },
      // the solidarity cycle (src/api/routes/solidarity.ts)
      {
        method: 'GET',
        path: '/api/solidarity/:param',
        as: 'analyst@EU',
        runs: 100,
        params: () => ['2026', '2030'],
      },
      {
        method: 'PUT',
        path: '/api/solidarity/:param/pledges/:param',
        as: 'solidarity-coordinator@LT',
        runs: 400,
        params: () => ['2026|LT', '2026|PL', '2030|LT', '2026|DK'],
        bodies: (): Json[] => [
          { relocatePercent: 50 },
          {
            relocations: 3,
            eurCents: 100_00,
            alternatives: [{ description: 'border-management experts', valueCents: 1_000_00 }],
            criteria: {
              nationalities: ['SY'],
              families: 'any',
              languages: ['ar'],
              maxPerMonth: 5,
              vulnerabilities: ['pregnant'],
            },
          },
        ],
      },
      {
        method: 'POST',
        path: '/api/solidarity/:param/deductions',
        as: 'solidarity-coordinator@PL',
        runs: 300,
        params: () => ['2026'],
        bodies: (): Json[] => [
          { state: 'PL', article: '62', percent: 30 },
          { state: 'PL', article: '61', percent: 100, requestedOn: '2026-07-15' },
          {
            state: 'PL',
            article: '62',
            percent: 10,
            reasoning: 'a significant migratory situation (synthetic)',
          },
        ],
      },
      {
        method: 'PATCH',
        path: '/api/solidarity/deductions/:param',
        as: 'eu-solidarity-coordinator@EU',
        runs: 200,
        params: () => ['9b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
        bodies: (): Json[] => [
          { grantedPercent: 20, decidedOn: '2026-08-01', act: 'Council implementing act (synthetic)' },
        ],
      },
      {
        method: 'POST',
        path: '/api/solidarity/:param/candidates',
        as: 'eu-solidarity-coordinator@EU',
        runs: 300,
        params: () => ['2026'],
        bodies: (n): Json[] => [
          {
            candidates: [
              { id: `FZ-${n}-1`, from: 'IT', kind: 'applicant', nationality: 'SY', languages: ['ar'] },
              {
                id: `FZ-${n}-2`,
                from: 'GR',
                familyId: `F-${n}`,
                kind: 'beneficiary',
                protectionGrantedOn: '2025-01-01',
                consent: true,
                nationality: 'AF',
                minor: true,
                vulnerabilities: ['pregnant'],
                securityHit: false,
              },
            ],
          },
        ],
      },
      {
        method: 'POST',
        path: '/api/solidarity/:param/candidates/csv',
        as: 'eu-solidarity-coordinator@EU',
        runs: 200,
        params: () => ['2026'],
        bodies: (n): Json[] => [
          {
            csv: `id,from,kind,nationality,minor,languages\nFZC-${n}-1,IT,applicant,SY,false,ar;en\nFZC-${n}-2,GR,beneficiary,AF,true,\n`,
          },
        ],
      },
      {
        method: 'GET',
        path: '/api/solidarity/:param/payments',
        as: 'solidarity-coordinator@LT',
        runs: 100,
        params: () => ['2026'],
        query: { state: ['LT', 'PL', 'XX'] },
      },
      {
        method: 'POST',
        path: '/api/solidarity/:param/match',
        as: 'eu-solidarity-coordinator@EU',
        runs: 150,
        params: () => ['2026'],
        bodies: (): Json[] => [{ dryRun: true }, { dryRun: true, from: 'IT' }],
      },
      {
        method: 'GET',
        path: '/api/solidarity/:param/transfers',
        as: 'solidarity-coordinator@LT',
        runs: 150,
        params: () => ['2026'],
        query: { state: ['LT', 'PL', 'XX'] },
      },
      {
        method: 'POST',
        path: '/api/solidarity/transfers/:param',
        as: 'eu-solidarity-coordinator@EU',
        runs: 150,
        params: () => ['9b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
        bodies: (): Json[] => [{ step: 'confirm' }, { step: 'transferred', at, exceptional: false }],
      },
      {
        method: 'POST',
        path: '/api/solidarity/:param/payments',
        as: 'solidarity-coordinator@LT',
        runs: 200,
        params: () => ['2026'],
        bodies: (): Json[] => [
          { state: 'LT', kind: 'financial', eurCents: 100_000_00, paidOn: '2026-10-01' },
          {
            state: 'LT',
            kind: 'alternative',
            eurCents: 5_000_00,
            paidOn: '2026-10-02',
            description: 'training',
          },
        ],
      },
      {
        method: 'POST',
        path: '/api/solidarity/:param/simulate',
        as: 'analyst@EU',
        runs: 200,
        params: () => ['2026'],
        bodies: (): Json[] => [
          {
            relocations: 30_000,
            arrivals: 40_000,
            pledges: { LT: { relocatePercent: 50 } },
            deductions: { PL: 100 },
          },
          {},
        ],
      },
      {
        method: 'GET',
        path: '/api/public/eurostat/first-time-applicants.csv',
        runs: 300,
        query: {
          state: ['LT', 'PL', 'GR', 'EL'],
          from: ['2026-06', '2026-12', '2026-13'],
          to: ['2026-12', '2027-01', '2031-12'],
        },
      },
      // issue 16: attachments (the upload's body is the raw file: any other encoding is a 415 on the header)
      {
        method: 'GET',
        path: '/api/cases/:param/attachments',
        as: 'case-officer@LT',
        runs: 100,
        params: caseIds,
      },
      {
        method: 'POST',
        path: '/api/cases/:param/attachments',
        as: 'border-guard@LT',
        runs: 200,
        params: caseIds,
        query: { kind: ['photo', 'scan', 'video'] },
        bodies: () => [{}],
      },
      ...(
        ['/api/cases/:param/attachments/:param', '/api/cases/:param/attachments/:param/thumbnail'] as const
      ).map(
        (path): Route => ({
          method: 'GET',
          path,
          as: 'case-officer@LT',
          runs: 60,
          params: () => caseIds().map((c) => `${c}|0b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b`),
        }),
      ),
      // issue 16: search
      {
        method: 'GET',
        path: '/api/search',
        as: 'case-officer@LT',
        runs: 300,
        query: {
          q: ['Mohammed Al-Hassan', 'about 1990', '1990-02-30', 'a 123-456', '4d80125b', 'ab', '~1990 Ali'],
          limit: ['1', '20', '100', '101', '0'],
        },
      },
      // issue 16: duplicates and assignment
      {
        method: 'PUT',
        path: '/api/cases/:param/assignment',
        as: 'supervisor@LT',
        runs: 300,
        params: caseIds,
        bodies: () => [{ assignee: 'case-officer.lt' }, { assignee: null }, { assignee: 'monitor.lt' }],
      },
      { method: 'GET', path: '/api/assignees', as: 'supervisor@LT', runs: 30, query: { x: ['1'] } },
      { method: 'GET', path: '/api/cases/:param/links', as: 'case-officer@LT', runs: 200, params: caseIds },
      {
        method: 'GET',
        path: '/api/duplicates',
        as: 'supervisor@LT',
        runs: 200,
        query: { status: ['open', 'same', 'different', 'maybe'], limit: ['1', '500', '501', '-1'] },
      },
      {
        method: 'POST',
        path: '/api/duplicates/decision',
        as: 'case-officer@LT',
        runs: 300,
        bodies: (): Json[] => [
          { caseId, otherCaseId: OTHER_CASE, decision: 'same', mainCaseId: caseId },
          { caseId, otherCaseId: OTHER_CASE, decision: 'different' },
        ],
      },
      {
        method: 'POST',
        path: '/api/duplicates/undo',
        as: 'case-officer@LT',
        runs: 200,
        bodies: (): Json[] => [{ caseId, otherCaseId: OTHER_CASE }],
      },
      // issue 18: papers (documents of a case as PDF)
      {
        method: 'GET',
        path: '/api/cases/:param/documents',
        as: 'case-officer@LT',
        runs: 60,
        params: caseIds,
      },
      {
        method: 'GET',
        path: '/api/cases/:param/documents/:param',
        as: 'case-officer@LT',
        runs: 60,
        params: () => caseIds().flatMap((c) => [`${c}|applicant-document`, `${c}|decision`, `${c}|passport`]),
        query: { lang: ['en', 'ar', 'de', ''] },
      },
      {
        method: 'POST',
        path: '/api/cases/:param/documents/:param',
        as: 'case-officer@LT',
        runs: 120,
        params: () =>
          caseIds().flatMap((c) => [`${c}|applicant-document`, `${c}|refusal-of-entry`, `${c}|x`]),
        query: { lang: ['en', 'lt', 'fa', 'xx'] },
        bodies: (): Json[] => [
          {},
          { expectedVersion: 1 },
          { notification: { means: 'in-person', language: 'ar' } },
          {
            notification: {
              means: 'read-out-with-interpreter',
              language: 'ckb',
              at: '2026-12-09T09:00:00+02:00',
            },
          },
        ],
      },
      {
        method: 'GET',
        path: '/api/cases/:param/documents/issued/:param',
        as: 'case-officer@LT',
        runs: 60,
        params: () => caseIds().map((c) => `${c}|0b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b`),
      },
      {
        method: 'POST',
        path: '/api/cases/:param/documents/issued/:param/notification',
        as: 'case-officer@LT',
        runs: 100,
        params: () => caseIds().map((c) => `${c}|0b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b`),
        bodies: (): Json[] => [
          { means: 'in-person', language: 'ar' },
          { means: 'post', language: 'ru', at: '2026-12-09T09:00:00Z' },
        ],
      },
      // issue 18: the desk's group print (the refusal forms of an encounter in one PDF)
      {
        method: 'POST',
        path: '/api/encounters/:param/documents/refusal-of-entry',
        as: 'border-guard@LT',
        runs: 60,
        params: () => [encounterId, encounterId.slice(0, 8), '9b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
        query: { lang: ['en', 'lt', 'ar', 'xx'] },
      },
      // issue 18: the pledge summary of a state's solidarity year as PDF (src/api/routes/solidarity-pledge-summary.ts)
      {
        method: 'GET',
        path: '/api/solidarity/:param/pledges/:param/summary',
        as: 'solidarity-coordinator@LT',
        runs: 40,
        params: () => ['2026|LT', '2026|PL', '2030|LT', '2026|DK'],
        query: { lang: ['en', 'lt', 'ar', ''] },
      },
      // issue 17: national emergency measures (their activations)
      { method: 'GET', path: '/api/national-measures', as: 'monitor@PL', runs: 30, query: { x: ['1'] } },
      {
        method: 'POST',
        path: '/api/national-measures',
        as: 'supervisor@PL',
        runs: 300,
        bodies: (): Json[] => [
          {
            measure: 'pl-application-restriction-2025',
            area: 'PL-BY',
            startsOn: '2026-11-20',
            endsOn: '2027-01-18',
            act: 'Dz.U. 2026 poz. 9999 (synthetic)',
          },
          {
            measure: 'pl-application-restriction-2025',
            area: 'PL-BY',
            startsOn: '2027-01-19',
            endsOn: '2027-03-19',
            act: 'extension (synthetic)',
            extendsId: '6f1c2b0e-8a6d-4c1e-9c55-0d6b1f1a2b3c',
            consent: 'Sejm resolution (synthetic)',
          },
        ],
      },
      // issue 20: the requests of other member states received by this state
      {
        method: 'GET',
        path: '/api/responsibility/requests',
        as: 'case-officer@PL',
        runs: 60,
        query: { status: ['open', 'refused', 'maybe'], limit: ['1', '500', '501', '-1'] },
      },
      {
        method: 'GET',
        path: '/api/responsibility/requests/:param',
        as: 'case-officer@PL',
        runs: 60,
        params: () => [OTHER_CASE, 'not-a-uuid'],
      },
      {
        method: 'POST',
        path: '/api/responsibility/requests/:param/answer',
        as: 'case-officer@PL',
        idempotency: true,
        runs: 200,
        params: () => [OTHER_CASE],
        bodies: (): Json[] => [
          { accepted: true, criterion: 'irregular-entry' },
          { accepted: false, reasons: 'synthetic reasons' },
        ],
      },
      // issue 20: the Union's view (the pool as adopted: public; the figures received: Union accounts; the send: 409 here)
      { method: 'GET', path: '/api/public/pool/:param', runs: 30, params: () => ['2026', '2025'] },
      {
        method: 'GET',
        path: '/api/union/figures',
        as: 'analyst@EU',
        runs: 100,
        query: { month: ['2026-11', '2026-12'] },
      },
      {
        method: 'POST',
        path: '/api/union/figures/send',
        as: 'administrator@LT',
        runs: 100,
        bodies: () => [{ month: '2026-11' }],
      },
      // issue 20: the exchange between installations (this harness has no PACT_FEDERATION: 409 after the input)
      {
        method: 'POST',
        path: '/federation/v1/messages',
        runs: 60,
        bodies: (): Json[] => [{ protected: 'eyJhbGciOiJFZERTQSJ9', payload: 'e30', signature: 'AAAA' }],
      },
      {
        method: 'GET',
        path: '/api/federation/messages',
        as: 'administrator@LT',
        runs: 40,
        query: { direction: ['in', 'out'], status: ['dead', 'applied'], limit: ['1', '100'] },
      },
      {
        method: 'POST',
        path: '/api/federation/messages/:param/retry',
        as: 'administrator@LT',
        runs: 40,
        params: () => ['9b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 'x'],
      },
      { method: 'GET', path: '/api/federation/peers', as: 'administrator@LT', runs: 20, query: {} },
      {
        method: 'POST',
        path: '/api/federation/peers/:param/retry',
        as: 'administrator@LT',
        runs: 40,
        params: () => ['PL', 'XX'],
      },
      {
        method: 'POST',
        path: '/api/federation/ping',
        as: 'administrator@LT',
        runs: 40,
        bodies: (): Json[] => [
          { to: 'PL', n: 1 },
          { to: 'EU', n: 2, stream: 'ping:x' },
        ],
      },
      // issue 21: a backup (each run copies the whole database: few runs; on PostgreSQL 409)
      { method: 'POST', path: '/api/backup', as: 'administrator@LT', runs: 1, bodies: () => [{}] },
      // hidden routes, and routes and methods that do not exist
      { method: 'GET', path: '/healthz', runs: 30, query: {} },
      { method: 'GET', path: '/readyz', runs: 30, query: {} },
      { method: 'GET', path: '/api/openapi.json', runs: 20, query: {} },
      { method: 'GET', path: '/api/docs/:param', runs: 30, params: () => ['json', 'static/index.html'] },
      { method: 'PUT', path: '/api/users', as: 'administrator@LT', runs: 60, bodies: () => [{}] },
      { method: 'PATCH', path: '/api/cases/:param', as: 'case-officer@LT', runs: 60, params: caseIds },
      { method: 'DELETE', path: '/api/encounters', as: 'border-guard@LT', runs: 60, bodies: () => [{}] },
      { method: 'POST', path: '/api/nowhere/:param', runs: 60, params: () => ['x'], bodies: () => [{}] },
      // issue 22: the readmission arrangements (return officers; read-only)
      { method: 'GET', path: '/api/readmission-arrangements', as: 'return-officer@LT', runs: 20, query: {} },
      {
        method: 'GET',
        path: '/api/readmission-arrangements/:param',
        as: 'return-officer@LT',
        runs: 40,
        params: () => ['IQ', 'SY', 'iq', 'Iraq'],
      },
      // issue 22: returns statistics
      {
        method: 'GET',
        path: '/api/public/eurostat/returns.csv',
        runs: 100,
        query: {
          state: ['LT', 'PL', 'GR', 'EL'],
          from: ['2026-06', '2026-12', '2026-13'],
          to: ['2026-12', '2027-01', '2031-12'],
        },
      },
      // issue 22: admission (Regulation (EU) 2024/1350)
      {
        method: 'POST',
        path: '/api/admission/programmes',
        as: 'solidarity-coordinator@LT',
        runs: 200,
        bodies: (): Json[] => [admissionProgramme, { ...admissionProgramme, splitMethod: 'reference-key' }],
      },
      {
        method: 'GET',
        path: '/api/admission/programmes',
        as: 'solidarity-coordinator@LT',
        runs: 30,
        query: {},
      },
      {
        method: 'GET',
        path: '/api/admission/programmes/:param',
        as: 'solidarity-coordinator@LT',
        runs: 60,
        params: programmeIds,
      },
      {
        method: 'POST',
        path: '/api/admission/programmes/:param/files',
        as: 'solidarity-coordinator@LT',
        runs: 200,
        params: programmeIds,
        bodies: (n): Json[] => [
          { ...admissionFile, referralRef: `FUZZ-${n}` },
          {
            ...admissionFile,
            referralRef: `FUZZ-${n}-E`,
            procedure: 'expedited',
            sex: 'male',
            birthYear: 1980,
          },
        ],
      },
      {
        method: 'GET',
        path: '/api/admission/files/:param',
        as: 'solidarity-coordinator@LT',
        runs: 60,
        params: admissionFileIds,
      },
      {
        method: 'POST',
        path: '/api/admission/files/:param/steps',
        as: 'solidarity-coordinator@LT',
        runs: 200,
        params: admissionFileIds,
        bodies: (): Json[] => [
          { step: 'registered', on: '2026-07-15' },
          { step: 'eligibility-assessed', on: '2026-07-20', categories: ['refugee'], note: 'synthetic' },
          { step: 'medical-check', on: '2026-08-01' },
        ],
      },
      {
        method: 'POST',
        path: '/api/admission/files/:param/decision',
        as: 'solidarity-coordinator@LT',
        runs: 150,
        params: admissionFileIds,
        bodies: (): Json[] => [
          { outcome: 'admitted', on: '2026-08-01', status: 'refugee-status', reasons: 'synthetic reasons' },
          { outcome: 'refused', on: '2026-08-01', grounds: ['serious-crime'], reasons: 'synthetic reasons' },
        ],
      },
      {
        method: 'POST',
        path: '/api/admission/files/:param/arrival',
        as: 'solidarity-coordinator@LT',
        runs: 100,
        params: admissionFileIds,
        bodies: (): Json[] => [{ on: '2026-09-01' }],
      },
      { method: 'GET', path: '/api/union/admission', as: 'analyst@EU', runs: 30, query: {} },
      {
        method: 'GET',
        path: '/api/admission/deadlines',
        as: 'solidarity-coordinator@LT',
        runs: 30,
        query: {},
      },
      {
        method: 'GET',
        path: '/api/public/admissions',
        runs: 150,
        query: {
          state: ['LT', 'PL'],
          from: ['2026-11-01', '2026-01-01'],
          to: ['2026-11-30', '2026-12-31'],
          granularity: ['month', 'year', 'week', 'day'],
        },
      },
      // issue 22: a programme's admission files listed
      {
        method: 'GET',
        path: '/api/admission/programmes/:param/files',
        as: 'solidarity-coordinator@LT',
        runs: 60,
        params: programmeIds,
        query: { stage: ['referred', 'registered', 'arrived'] },
      },
    ];

    it('fuzzes every route of the OpenAPI document', () => {
      expect(documented.size).toBeGreaterThan(15);
      expect(ROUTES.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining([...documented.keys()]),
      );
    });

    async function fuzz(route: Route, seed: number): Promise<Map<string, string>> {
      /** Distinct violations (status, type, what is wrong) → the first request that showed it. */
      const violations = new Map<string, string>();
      const account = route.as ? h.accounts.get(route.as) : undefined;
      if (route.as && !account) throw new Error(`no account ${route.as}`);
      await fc.assert(
        fc.asyncProperty(requestArb(route), async (generated) => {
          // the parts out of focus are valid: the request gets further, into the handler and the database
          const on = (f: Focus) => generated.focus === f || generated.focus === 'all';
          const valid = route.params?.() ?? [''];
          const g: Generated = {
            ...generated,
            mutations: on('body') ? generated.mutations : [],
            encoding: on('encoding') ? generated.encoding : { kind: 'json' },
            idempotency: on('idempotency') ? generated.idempotency : `fuzz-${seed}-${sent}`,
            param: on('param')
              ? generated.param
              : encodeURIComponent(valid[generated.base % valid.length] ?? ''),
            query: on('query') ? generated.query : '',
          };
          const bodies = route.bodies?.(sent) ?? [];
          const body = route.bodies
            ? mutate(bodies[g.base % bodies.length] as Json, g.mutations)
            : g.mutations.length > 0
              ? mutate({}, g.mutations)
              : undefined;
          if (route.hashes?.(body)) {
            const n = (hashed.get(route.path) ?? 0) + 1;
            hashed.set(route.path, n);
            if (n > (route.hashCap ?? 0)) return; // enough of the slow ones (argon2)
          }
          // never revoke the token the harness issued (named 'test')
          if (route.path === '/api/auth/tokens/:param' && g.param === 'test') return;
          if (route.path === '/api/users/:param/tokens/:param' && g.param.endsWith('%7Ctest')) return;
          const { payload, headers } = encode(body, g.encoding);
          // several path parameters: valid ones are given as "a|b" (encoded), one for each :param in turn
          const values = g.param.split('%7C');
          let k = 0;
          const path = route.path.replace(/:param/g, () => values[Math.min(k++, values.length - 1)] ?? '');
          const url = `${path}${g.query ? `?${g.query}` : ''}`;
          const request: InjectOptions = {
            method: route.method,
            url,
            headers: {
              ...(account ? account.headers : {}),
              ...headers,
              ...(route.idempotency && g.idempotency !== undefined
                ? { 'idempotency-key': g.idempotency }
                : {}),
            },
            ...(payload !== undefined && route.method !== 'GET' ? { payload } : {}),
          };
          const res = await h.inject(request);
          sent++;
          const wrong = wrongWith(res, documented.get(`${route.method} ${route.path}`), route.alsoFields);
          if (wrong.length === 0) return;
          let type = '';
          try {
            type = String(res.json().type);
          } catch {}
          const key = `${res.statusCode} ${type}: ${[...new Set(wrong)].join(', ')}`;
          if (violations.has(key)) return;
          const p = request.payload;
          const shown = p === undefined ? '' : Buffer.isBuffer(p) ? p.toString('latin1') : String(p);
          violations.set(
            key,
            `${route.method} ${url.slice(0, 200)} ${JSON.stringify(headers)} ${JSON.stringify(g.idempotency)?.slice(0, 40)} ${shown.slice(0, 300)} ⇒ ${res.body.slice(0, 400)}`,
          );
        }),
        // npm test: a tenth, at least 10, never more than the soak run's (the backup's 1 run made 10 whole copies)
        {
          seed,
          numRuns: volume(
            route.runs,
            route.quickRuns ?? Math.min(route.runs, Math.max(10, Math.ceil(route.runs / 10))),
          ),
          endOnFailure: true,
        },
      );
      return violations;
    }

    it.each(ROUTES.map((route, i) => ({ route, i, name: `${route.method} ${route.path}` })))(
      '$name',
      async ({ route, i }) => {
        const violations = await fuzz(route, SEED + i);
        expect(Object.fromEntries(violations)).toEqual({});
      },
      60_000,
    );

    it('hand-written edges: a batch of 501, 10,001 persons, a date before the law, bare JSON values, a BOM, gzip', async () => {
      const headers = (k: string) => ({
        ...h.account('border-guard', 'LT').headers,
        'idempotency-key': `edge-${k}-0001`,
      });
      const json = (k: string) => ({ ...headers(k), 'content-type': 'application/json' });
      const one = encounterBody('LT', 'EDGE-1', 1);
      const edges: [string, InjectOptions, number][] = [
        [
          'POST /api/encounters/batch',
          {
            method: 'POST',
            url: '/api/encounters/batch',
            headers: headers('batch-501'),
            payload: {
              encounters: Array.from({ length: 501 }, (_, i) => encounterBody('LT', `EDGE-B-${i}`, 1)),
            },
          },
          400,
        ],
        [
          'POST /api/encounters/batch',
          {
            method: 'POST',
            url: '/api/encounters/batch',
            headers: headers('batch-0'),
            payload: { encounters: [] },
          },
          400,
        ],
        [
          'POST /api/encounters',
          {
            method: 'POST',
            url: '/api/encounters',
            headers: headers('persons'),
            payload: { ...one, groupSize: 10_000, persons: Array.from({ length: 10_001 }, () => ({})) },
          },
          422, // over PERSONS_PER_REQUEST (limits.ts): refused before validation
        ],
        [
          'POST /api/encounters',
          {
            method: 'POST',
            url: '/api/encounters',
            headers: headers('before-the-law'),
            payload: { ...one, occurredAt: '2026-01-01T00:00:00Z' },
          },
          422,
        ],
        ...['null', '"text"', '123', '[]', 'true', '{"ref":"a","ref":{}}'].map(
          (payload, i): [string, InjectOptions, number] => [
            'POST /api/encounters',
            { method: 'POST', url: '/api/encounters', headers: json(`bare-${i}`), payload },
            400,
          ],
        ),
        [
          'POST /api/encounters',
          // a byte order mark before the JSON is tolerated
          {
            method: 'POST',
            url: '/api/encounters',
            headers: json('bom'),
            payload: `\ufeff${JSON.stringify(one)}`,
          },
          201,
        ],
        [
          'POST /api/encounters',
          {
            method: 'POST',
            url: '/api/encounters',
            headers: { ...json('gzip'), 'content-encoding': 'gzip' },
            payload: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff]),
          },
          400,
        ],
        ['OPTIONS /api/queue', { method: 'OPTIONS', url: '/api/queue', headers: headers('options') }, 404],
        ['TRACE /api/queue', { method: 'TRACE', url: '/api/queue', headers: headers('trace') }, 404],
      ];
      const answers = [];
      for (const [route, request, status] of edges) {
        const res = await h.inject(request);
        sent++;
        answers.push({ route, status: res.statusCode, wrong: wrongWith(res, documented.get(route)) });
        expect.soft(res.statusCode, `${route} ${String(request.payload).slice(0, 60)}`).toBe(status);
      }
      expect(answers.filter((a) => a.wrong.length > 0)).toEqual([]);
    });

    it(`sent at least ${MIN_REQUESTS} requests`, () => {
      expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
    });
  },
);
