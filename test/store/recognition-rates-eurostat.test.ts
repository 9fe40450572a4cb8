// Issue 17, border-crisis: the recognition-rate ground uses the Union-wide proportion of first-instance
// decisions granting international protection (APR Art. 42(1)(j)), computed from Eurostat's migr_asydcfsta:
// (refugee status + subsidiary protection) ÷ all decisions, EU-27, annual — not Eurostat's TOTAL_POS, which
// also counts national humanitarian status. Synthetic figures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';
import { annualRateAt } from '../../src/law/recognition-rates.ts';
import { loadRecognitionRates } from '../../src/store/reference-data.ts';

const HEAD = 'DATAFLOW,LAST UPDATE,freq,unit,citizen,sex,age,decision,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG';
const row = (citizen: string, decision: string, value: number | '', year = '2025', geo = 'EU27_2020') =>
  `ESTAT:MIGR_ASYDCFSTA(1.0),x,A,PER,${citizen},T,TOTAL,${decision},${geo},${year},${value},`;

function file(lines: string[]): URL {
  const dir = mkdtempSync(join(tmpdir(), 'pact-rates-'));
  const path = join(dir, 'migr_asydcfsta.csv');
  writeFileSync(path, [HEAD, ...lines].join('\n'));
  return pathToFileURL(path);
}

describe('APR Art. 42(1)(j): the Union-wide rate from migr_asydcfsta', () => {
  it('APR Art. 42(1)(j): VE, 1 000 decisions of which 10 refugee, 30 subsidiary, 850 humanitarian: 40 ÷ 1 000 = 4 % (not TOTAL_POS 89 %)', () => {
    const rates = loadRecognitionRates(
      file([
        row('VE', 'TOTAL', 1000),
        row('VE', 'TOTAL_POS', 890),
        row('VE', 'GENCONV', 10),
        row('VE', 'SUB_PROT', 30),
        row('VE', 'HUMSTAT', 850),
        row('VE', 'TOTAL', 999, '2025', 'DE'), // a member state's row is not the Union-wide average
      ]),
    );
    expect(rates).toEqual([expect.objectContaining({ citizenship: 'VE', period: '2025', ratePct: 4 })]);
  });

  it('APR Art. 42(1)(j), 20 % boundary: 2 001 of 10 000 is 20.01 %, kept above 20 % (rounded up to 20.1); 2 000 of 10 000 is 20 %', () => {
    const rates = loadRecognitionRates(
      file([
        row('AA', 'TOTAL', 10000),
        row('AA', 'GENCONV', 2001),
        row('AA', 'SUB_PROT', 0),
        row('BB', 'TOTAL', 10000),
        row('BB', 'GENCONV', 1500),
        row('BB', 'SUB_PROT', 500),
      ]),
    );
    const by = Object.fromEntries(rates.map((r) => [r.citizenship, r.ratePct]));
    expect(by).toEqual({ AA: 20.1, BB: 20 });
  });

  it('APR Art. 42(1)(j) "latest available annual": on 1 June 2026 the 2025 figures are used, not 2024 (law/reference-data.ts: available 3 months after the year)', () => {
    const rates = loadRecognitionRates(
      file([
        row('PK', 'TOTAL', 100, '2024'),
        row('PK', 'GENCONV', 30, '2024'),
        row('PK', 'TOTAL', 100, '2025'),
        row('PK', 'GENCONV', 12, '2025'),
      ]),
    );
    expect(annualRateAt(LAW, rates, 'PK', '2026-06-01')).toMatchObject({ period: '2025', ratePct: 12 });
    expect(annualRateAt(LAW, rates, 'PK', '2026-03-31')).toMatchObject({ period: '2024', ratePct: 30 });
  });

  it('a file with only TOTAL_POS (no GENCONV/SUB_PROT nor HUMSTAT) gives no rate: the ground cannot be applied rather than counted with humanitarian status', () => {
    expect(loadRecognitionRates(file([row('SY', 'TOTAL', 100), row('SY', 'TOTAL_POS', 90)]))).toEqual([]);
  });
});
