// The relocation candidates' CSV file (src/solidarity/candidates-csv.ts): the documented example reads as it
// is; a file with errors gives every error, by line (the header is line 1) and column, and no candidate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCandidatesCsv } from '../../src/solidarity/candidates-csv.ts';

describe('the relocation candidates file', () => {
  it('reads the 12 synthetic candidates of docs/examples/relocation-candidates.csv', () => {
    const r = parseCandidatesCsv(readFileSync('docs/examples/relocation-candidates.csv', 'utf8'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.lines).toHaveLength(12);
    // line 8: IT-C-0007,IT,,beneficiary,2024-03-01,true,ER,false,,ti;en,false
    expect(r.lines[6]).toEqual({
      line: 8,
      candidate: {
        id: 'IT-C-0007',
        from: 'IT',
        kind: 'beneficiary',
        protectionGrantedOn: '2024-03-01',
        consent: true,
        nationality: 'ER',
        minor: false,
        vulnerabilities: [],
        languages: ['ti', 'en'],
        securityHit: false,
      },
    });
  });

  it('names every wrong line and column, and gives no candidate', () => {
    const r = parseCandidatesCsv(
      [
        'id,from,kind,nationality,minor',
        'A-1,IT,applicant,SY,false',
        'A-2,XX,applicant,SY,false',
        'A-3,IT,applicant,SY,maybe',
        '',
        'A-1,IT,applicant,SY,false',
        'A-4,IT,applicant,SY,false,one too many',
      ].join('\n'),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 3, column: 'from', reason: expect.stringContaining('expected one of') },
        { line: 4, column: 'minor', reason: 'not true or false' },
        { line: 6, column: 'id', reason: 'A-1 is already on line 2' },
        { line: 7, column: 'line', reason: '6 values for 5 columns' },
      ],
    });
  });

  it('refuses an unknown or a missing column, and a file with only its header', () => {
    expect(parseCandidatesCsv('id,frm,nationality\nA,IT,SY\n')).toEqual({
      ok: false,
      errors: [
        { line: 1, column: 'frm', reason: expect.stringContaining('unknown column') },
        { line: 1, column: 'from', reason: 'missing column' },
      ],
    });
    expect(parseCandidatesCsv('id,from,nationality\n')).toMatchObject({ ok: false, errors: [{ line: 2 }] });
  });
});
