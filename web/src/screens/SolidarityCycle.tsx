// The annual solidarity cycle (AMMR Part IV): its facts, every state's balance against its fair share, the
// responsibility offsets — for everyone; the pledge and deduction forms for the solidarity coordinators (a
// national one for its own state, the EU one for any, and the decisions on deductions); the matching and
// the transfers for those who manage relocation. After each write the report is read again.
import { useState } from 'react';
import { Link } from 'react-router';
import type { SolidarityReportBody } from '../../../src/api/contract.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Balances, CycleFacts } from './solidarity/CycleReport.tsx';
import { DeductionSection } from './solidarity/Deductions.tsx';
import { Offsets } from './solidarity/Offsets.tsx';
import { PledgeSection } from './solidarity/PledgeForm.tsx';
import { RelocationSection } from './solidarity/Relocation.tsx';
import { useReread, YEARS } from './solidarity/shared.tsx';

export function SolidarityCycle() {
  const { t } = useI18n();
  const { may } = useAuth();
  const [year, setYear] = useState<string>(YEARS[0]);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const read = useReread<SolidarityReportBody>(`/api/solidarity/${year}`, version);
  const report = read.data;
  return (
    <section>
      <h1>{t('cycle.title', { year })}</h1>
      <div className="row">
        <Field label={t('cycle.year')}>
          {(id) => (
            <select id={id} value={year} onChange={(e) => setYear(e.target.value)}>
              {YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p>
          <Link to="/solidarity/simulate">{t('cycle.toSimulator')}</Link>
        </p>
      </div>
      <ErrorNotice error={read.error} />
      {!report && !read.error && <Loading />}
      {report && (
        <>
          <CycleFacts report={report} />
          <Balances report={report} />
          <Offsets report={report} />
          {may('solidarity.pledge') && <PledgeSection report={report} onSaved={reload} />}
          <DeductionSection report={report} onChanged={reload} />
          {may('relocation.manage') && <RelocationSection year={report.cycle.year} onChanged={reload} />}
        </>
      )}
    </section>
  );
}
