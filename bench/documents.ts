// Benchmark of the border's papers (issue 18): the refusal of entry forms (SBC Art. 14(2), Annex V Part B) of
// a group of 50 in one PDF, time and size, against a one-page PDF made in the same run with the same library
// (pdfkit) and the same embedded fonts (one line of text, a word in each of the four Noto fonts, PDF/A-2b as
// the documents). Prints figures; not a test.
//
//   npx tsx bench/documents.ts [--group 50] [--repetitions 7]
//
// 1. The drawing: the 50 forms filled from 50 synthetic refused cases (built by the domain's own commands)
//    and drawn in one PDF (renderPdf) — the work the desk's print does besides the database.
// 2. The whole group print through the store on embedded PGlite (issueGroup: each form issued on its case —
//    its own PDF, SHA-256, `document.issued`, the bytes kept — then the log replayed and the group's PDF drawn),
//    fewer repetitions, each on a new encounter.
// Each figure is the median of the repetitions after one warm-up run. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import PDFDocument from 'pdfkit';
import { composeDocument } from '../src/documents/compose.ts';
import { fontBytes } from '../src/documents/fonts.ts';
import { renderPdf } from '../src/documents/pdf.ts';
import { Person, RecordEncounter } from '../src/domain/commands.ts';
import { startCase } from '../src/domain/decide.ts';
import { LAW } from '../src/law/law.ts';
import { CaseStore } from '../src/store/case-store.ts';
import { openStore } from '../src/store/database.ts';
import { issueGroup } from '../src/store/document-groups.ts';

const { values } = parseArgs({
  options: {
    group: { type: 'string', default: '50' },
    repetitions: { type: 'string', default: '7' },
  },
});
const GROUP = Number(values.group);
const REPS = Number(values.repetitions);

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** The encounter of a refused group of `n` (synthetic names), reasons A and C, directed to a crossing point. */
function refusedGroup(n: number, ref: string) {
  return RecordEncounter.parse({
    ref,
    state: 'LT',
    occurredAt: '2026-12-08T01:30:00+02:00',
    kind: 'entry-prevented-refused',
    groupSize: n,
    persons: Array.from({ length: n }, (_, i) => ({
      nationality: 'IQ',
      sex: i % 3 ? 'male' : 'female',
      identity: {
        familyName: `Benchgroup${i}`,
        givenNames: 'Synthetic Person',
        birthDate: { value: `${1970 + (i % 35)}-0${1 + (i % 9)}-1${i % 10}`, precision: 'full' },
        documents: [{ type: 'passport', number: `B${String(i).padStart(7, '0')}`, issuingCountry: 'IQ' }],
      },
    })),
    refusal: { reasons: ['A', 'C'], directedTo: 'Medininkai BCP' },
  });
}

/** The one-page baseline: the same library, fonts and PDF/A settings, one line of text. */
async function onePage(): Promise<Buffer> {
  const created = new Date('2026-12-08T00:00:00Z');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: 'en',
    info: { Title: 'one line', CreationDate: created, ModDate: created },
  });
  for (const name of ['latin', 'latin-bold', 'arabic', 'arabic-bold'] as const)
    doc.registerFont(name, fontBytes(name));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  // one line: a word in each embedded font (so that each is embedded, as in a document)
  doc.font('latin').fontSize(10).text('Refusal of entry ', 50, 50, { continued: true });
  doc.font('latin-bold').text('HADDAD ', { continued: true });
  doc.font('arabic').text('حداد ', { continued: true });
  doc.font('arabic-bold').text('كريم');
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

async function timed<T>(reps: number, run: (i: number) => Promise<T>): Promise<{ ms: number; last: T }> {
  let last = await run(-1); // warm-up
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    last = await run(i);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), last };
}

const ctx = {
  law: LAW,
  now: new Date('2026-12-08T02:00:00+02:00'),
  actor: 'bench-guard',
  role: 'border-guard',
};
const e = refusedGroup(GROUP, 'BENCH-DRAW');
const cases = e.persons.map(
  (p) =>
    startCase(ctx, { caseId: randomUUID(), encounterId: randomUUID(), encounter: e, person: Person.parse(p) })
      .next,
);
const draw = async () =>
  renderPdf(
    cases.map((c, i) =>
      composeDocument({
        kind: 'refusal-of-entry',
        language: 'en',
        case: c,
        documentId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        issuedAt: '2026-12-08T00:10:00.000Z',
        issuer: { actor: 'bench-guard', role: 'border-guard' },
        extra: { authority: 'State Border Guard Service (bench)', place: 'Šalčininkai section' },
      }),
    ),
  );

const base = await timed(REPS, () => onePage());
const group = await timed(REPS, () => draw());
console.log(`refusal forms of a group of ${GROUP} in one PDF (median of ${REPS} after a warm-up):`);
console.log(
  `  one-page PDF (pdfkit, 1 line, same 4 fonts)   ${base.ms.toFixed(1).padStart(8)} ms  ${String(base.last.length).padStart(9)} bytes`,
);
console.log(
  `  group of ${GROUP}: fill + draw (renderPdf)        ${group.ms.toFixed(1).padStart(8)} ms  ${String(group.last.length).padStart(9)} bytes`,
);
console.log(
  `  ratios group / one page: time ${(group.ms / base.ms).toFixed(1)}×, size ${(group.last.length / base.last.length).toFixed(2)}×; per form ${(group.ms / GROUP).toFixed(1)} ms, ${(group.last.length / GROUP / 1024).toFixed(1)} KiB`,
);

// 2. the whole print through the store (PGlite in memory)
const store = await openStore({});
const cs = new CaseStore(store, {
  law: LAW,
  clock: () => new Date('2026-12-08T00:10:00Z'),
  uuid: randomUUID,
});
const storeReps = Math.max(1, Math.min(3, REPS));
const prints: { ms: number; bytes: number; documents: number }[] = [];
for (let i = -1; i < storeReps; i++) {
  const by = { actor: 'bench-guard', role: 'border-guard' };
  const out = await cs.recordEncounter(
    refusedGroup(GROUP, `BENCH-STORE-${i + 1}`),
    by,
    `LT:bench-enc-${i + 1}`,
  );
  const t0 = performance.now();
  const r = await issueGroup(
    cs,
    store.db,
    { encounterId: out.result.encounterId, state: 'LT', kind: 'refusal-of-entry', language: 'en' },
    by,
    `LT:bench-print-${i + 1}`,
  );
  if (i >= 0)
    prints.push({ ms: performance.now() - t0, bytes: r.bytes.length, documents: r.documents.length });
}
const printMs = median(prints.map((p) => p.ms));
console.log(
  `  group of ${GROUP} through the store (PGlite; each form issued, hashed, kept, then one PDF; median of ${storeReps}): ${printMs.toFixed(0)} ms, ${prints[0]?.bytes} bytes — ${(printMs / base.ms).toFixed(0)}× the one-page PDF`,
);
await store.close();
