// `pact person export` (GDPR Art. 15: the whole record of a person, files included) and `pact retention sweep`
// on an embedded data folder: the export holds the identity, documents, log, attachments and audit; the sweep
// at 5 years (Eurodac Art. 29(6)) leaves an export without them, and `pact audit verify` still passes.
// Synthetic person.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { addAttachment } from '../../src/store/attachments.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { fileSession, pactIn } from './run.ts';

/** issue 21: every command of this file borrows one open store (test/cli/run.ts), the set-up too. */
const session = fileSession();

const env: Record<string, string> = {};
const NOW = new Date('2026-12-09T10:00:00Z');
let caseId = '';

describe('pact person export and pact retention sweep', () => {
  beforeAll(async () => {
    env.PACT_DATA_DIR = await seededDataDir('pact-retention-');
    const store = await session.store(env);
    const cs = new CaseStore(store, { law: LAW, clock: () => NOW, uuid: randomUUID });
    const r = await cs.recordEncounter(
      {
        ref: 'EXP-1',
        state: 'LT',
        occurredAt: '2026-12-08T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [
          {
            nationality: 'SY',
            sex: 'female',
            birthYear: 1995,
            identity: {
              familyName: 'Exportova',
              givenNames: 'Testa',
              documents: [{ type: 'passport', number: 'EXP123456', issuingCountry: 'SY' }],
            },
          },
        ],
      } as unknown as RecordEncounter,
      { actor: 'border-guard.lt', role: 'border-guard' },
      'exp-0001',
    );
    caseId = r.result.caseIds[0] as string;
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    await addAttachment(
      store.db,
      {
        id: randomUUID(),
        caseId,
        state: 'LT',
        kind: 'scan',
        fileName: 'passport.png',
        contentType: 'image/png',
        sha256: 'x',
        bytes: png,
        thumbnail: undefined,
      },
      { actor: 'border-guard.lt', role: 'border-guard' },
      NOW,
    );
  }, 60_000);

  it('exports the whole record by an 8-character prefix: identity, documents, log, files, audit', async () => {
    const out = await pactIn(`person export ${caseId.slice(0, 8)}`, env, NOW, session);
    expect(out.code).toBe(0);
    const e = JSON.parse(out.stdout);
    expect(e.format).toBe('pact-person-export/1');
    expect(e.case.id).toBe(caseId);
    expect(e.person.identity.familyName).toBe('Exportova');
    expect(e.identity.family_name).toBe('Exportova');
    expect(e.documents.map((d: { number: string }) => d.number)).toEqual(['EXP123456']);
    expect(e.encounter.ref).toBe('EXP-1');
    expect(e.log[0].type).toBe('encounter.recorded');
    expect(e.log[0].payload.person.identity.givenNames).toBe('Testa');
    expect(e.obligations.length).toBeGreaterThan(0);
    expect(Buffer.from(e.attachments[0].contentBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(e.audit.map((a: { action: string }) => a.action)).toEqual(
      // issue 21: the encounter's one entry lists the case's first action (docs/audit.md, format 2)
      expect.arrayContaining(['encounter.stored', 'attachment.added', 'person.exported']),
    );
  });

  it('--out writes export.json and the files beside it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pact-export-')), 'out');
    const out = await pactIn(`person export ${caseId} --out ${dir}`, env, NOW, session);
    expect(out.code).toBe(0);
    const e = JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8'));
    expect(e.attachments[0].contentBase64).toBeUndefined();
    expect(existsSync(join(dir, e.attachments[0].file))).toBe(true);
  });

  it('a prefix shorter than 8 characters, or naming no case, is not found', async () => {
    expect((await pactIn(`person export ${caseId.slice(0, 7)}`, env, NOW, session)).code).not.toBe(0);
    expect((await pactIn('person export ffffffff', env, NOW, session)).code).not.toBe(0);
  });

  it('a sweep cannot be dated after today', async () => {
    const out = await pactIn('retention sweep --at 2031-12-09', env, NOW, session);
    expect(out.code).toBe(2);
  });

  it('the sweep 5 years on erases the identity and the file; the export no longer holds them; audit verify passes', async () => {
    const later = new Date('2031-12-10T00:00:00Z');
    const dry = await pactIn('retention sweep --dry-run --at 2031-12-09', env, later, session);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/would erase/);
    expect(dry.stdout).toMatch(/identity: cases 1, caseActions 1, personIdentities 1, personDocuments 1/);
    // nothing written by the dry run
    expect(
      JSON.parse((await pactIn(`person export ${caseId}`, env, later, session)).stdout).identity,
    ).not.toBeNull();
    const run = await pactIn('retention sweep --at 2031-12-09', env, later, session);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /1 irregular-crosser: eurodac\.retention\.irregular-crossers = 5 years \(Eurodac Regulation Art\. 29\(6\)/,
    );
    expect(run.stdout).toMatch(/attachments: attachments 1/);
    const e = JSON.parse((await pactIn(`person export ${caseId}`, env, later, session)).stdout);
    expect(e.identity).toBeNull();
    expect(e.documents).toEqual([]);
    expect(JSON.stringify(e)).not.toMatch(/Exportova|EXP123456|Testa/);
    expect(e.person).toMatchObject({ nationality: 'SY', sex: 'female', birthYear: 1995 });
    expect(e.attachments[0]).toMatchObject({ fileName: 'erased.png', contentBase64: null });
    const verify = await pactIn('audit verify', env, later, session);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit log intact/);
  }, 60_000);
});
