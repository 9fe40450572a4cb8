// `pact document` (issue 18), in-process on a seeded data folder: a registered applicant's document issued as
// PDF written with mode 0600 (also over an existing file), the same --key twice gives the same document,
// --preview records nothing, a role that may not issue is refused with exit code 2, an unknown kind or language
// is a usage error; `pact document list` prints what was issued. Synthetic persons only.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../documents/pdf.ts';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { fileSession, type Outcome, pactIn } from './run.ts';

/** issue 21: every command of this file borrows one open store (test/cli/run.ts). */
const session = fileSession();

const env: Record<string, string> = {};
// 09:00 UTC on 8 December = 11:00 in Vilnius: the steps below are entered within the hour of their time
const pact = (args: string): Promise<Outcome> => pactIn(args, env, new Date('2026-12-08T09:00:00Z'), session);
const CSV = [
  'encounter_ref,state,occurred_at,kind,group_size,border_section,force_used,force_kind,force_reason,nationality,sex,birth_year,minor,unaccompanied,vulnerabilities,asylum_wish_at,asylum_wish_where,asylum_wish_to',
  'DOC-CLI-1,LT,2026-12-08T04:10:00+02:00,apprehended-irregular-crossing,1,LT-BY,,,,IQ,male,1990,,,,2026-12-08T04:30:00+02:00,station,border guard',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'pact-document-'));
const mode = (path: string) => statSync(path).mode & 0o777;

describe('pact document', () => {
  let id = '';
  const show = async () => JSON.parse((await pact(`case show ${id} --format json`)).stdout).case;

  beforeAll(async () => {
    env.PACT_DATA_DIR = await seededDataDir('pact-cli-document-');
    const file = join(dir, 'e.csv');
    writeFileSync(file, `${CSV}\n`);
    expect((await pact(`import encounters ${file}`)).code).toBe(0);
    id = JSON.parse((await pact('queue --format json --due 10d --kind screening')).stdout).items[0].caseId;
    const steps = [
      '{"type":"screening.completed","at":"2026-12-08T10:30:00+02:00","outcome":"asylum"}',
      '{"type":"application.registered","at":"2026-12-08T10:45:00+02:00"}',
    ];
    for (const json of steps) {
      const v = (await show()).version;
      const r = await pact(
        `case apply ${id} --expected-version ${v} --json ${json} --role screening-officer`,
      );
      expect(r.stderr).toBe('');
    }
  }, 120_000);

  it('issues the applicant document: a PDF written with mode 0600, recorded with its SHA-256', async () => {
    const out = join(dir, 'a.pdf');
    const r = await pact(`document applicant-document ${id} --out ${out} --key doc-cli-1 --actor officer.lt`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^issued applicant-document [0-9a-f-]{36} \(en\), sha256 [0-9a-f]{64}/);
    expect(mode(out)).toBe(0o600);
    expect(await pdfText(readFileSync(out))).toContain('Article 29');
    const docs = (await show()).documents;
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: 'applicant-document', by: 'officer.lt' });
  });

  it('the same --key twice gives the same document (same bytes, nothing issued again), 0600 over an existing file', async () => {
    const again = join(dir, 'again.pdf');
    writeFileSync(again, 'an older file anyone could read', { mode: 0o644 });
    const r = await pact(
      `document applicant-document ${id} --out ${again} --key doc-cli-1 --actor officer.lt`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^already issued applicant-document/);
    expect(Buffer.compare(readFileSync(again), readFileSync(join(dir, 'a.pdf')))).toBe(0);
    expect(mode(again)).toBe(0o600);
    expect((await show()).documents).toHaveLength(1);
  });

  it('--preview writes a draft and records nothing', async () => {
    const before = await show();
    const out = join(dir, 'draft.pdf');
    const r = await pact(`document applicant-document ${id} --preview --lang lt --out ${out}`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing recorded');
    expect(await pdfText(readFileSync(out))).toContain('PROJEKTAS');
    expect(mode(out)).toBe(0o600);
    const after = await show();
    expect(after.version).toBe(before.version);
    expect(after.documents).toEqual(before.documents);
  });

  it('ATTACK: a role that may not issue it is refused with exit code 2, nothing recorded', async () => {
    const r = await pact(`document applicant-document ${id} --role border-guard --out ${join(dir, 'x.pdf')}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a border-guard may not issue applicant-document \(needs case.asylum\)/);
    expect((await show()).documents).toHaveLength(1);
  });

  it('an unknown kind, an unknown language, a case that cannot have it: usage errors (exit 2)', async () => {
    const kind = await pact(`document passport ${id}`);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/no document passport/);
    const lang = await pact(`document applicant-document ${id} --lang de`);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/--lang/);
    // no relocation was confirmed for this person (AMMR Art. 67(9)–(11))
    const notice = await pact(`document relocation-notice ${id} --out ${join(dir, 'n.pdf')}`);
    expect(notice.code).toBe(2);
    expect(notice.stderr).toMatch(/no relocation is confirmed/);
    const notified = await pact(`document applicant-document ${id} --notified-language ar`);
    expect(notified.code).toBe(2);
  });

  it('document list prints what was issued', async () => {
    const r = await pact(`document list ${id}`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^[0-9a-f-]{36} applicant-document en issued .* by officer\.lt, sha256 [0-9a-f]{64}\n$/,
    );
  });
});

describe('pact solidarity pledge-summary', () => {
  beforeAll(async () => {
    env.PACT_DATA_DIR ??= await seededDataDir('pact-cli-document-');
  }, 60_000);

  it('writes the PDF with mode 0600 and logs the print; an unknown state is a usage error', async () => {
    const out = join(dir, 'pledge.pdf');
    const r = await pact(`solidarity pledge-summary --state LT --year 2026 --lang lt --out ${out}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^pledge summary of LT for 2026 \(lt\), sha256 [0-9a-f]{64}/);
    expect(mode(out)).toBe(0o600);
    // no pledge recorded in this folder: the whole fair share is outstanding
    expect(await pdfText(readFileSync(out))).toContain('įsipareigojimas neįrašytas');
    expect((await pact('solidarity pledge-summary --state XX')).code).toBe(2);
  });
});
