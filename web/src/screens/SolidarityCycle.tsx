// The annual solidarity cycle (AMMR Part IV): its facts, every state's balance against its fair share, the
// responsibility offsets and the transfers counted — for everyone; the pledge, payment and deduction forms
// for the solidarity coordinators (a national one for its own state, the EU one for any, and the decisions
// on deductions); the candidates' upload, the matching and the transfers for those who manage relocation.
// A long page: a bar of contents, kept at the top, leads to each section. After each write the report is
// read again.
import { useState } from 'react';
import { Link } from 'react-router';
import type { SolidarityReportBody } from '../../../src/api/contract.ts';
import type { Permission } from '../../../src/domain/roles.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CandidateUpload } from './solidarity/Candidates.tsx';
import { Balances, CycleFacts } from './solidarity/CycleReport.tsx';
import { DeductionSection } from './solidarity/Deductions.tsx';
import { Offsets } from './solidarity/Offsets.tsx';
import { PageContents } from './solidarity/PageContents.tsx';
import { PaymentSection } from './solidarity/Payments.tsx';
import { PledgeSection } from './solidarity/PledgeForm.tsx';
import { RelocationSection } from './solidarity/Relocation.tsx';
import { useReread, YEARS } from './solidarity/shared.tsx';
import { TransferCounts } from './solidarity/TransferCounts.tsx';

/** The page's sections in their order: the heading's id, its name in the contents, who sees it. */
const SECTIONS: readonly { id: string; label: MessageKey; permission?: Permission }[] = [
  { id: 'cycle-facts', label: 'contents.facts' },
  { id: 'cycle-balances', label: 'contents.balances' },
  { id: 'cycle-offsets', label: 'contents.offsets' },
  { id: 'cycle-transfers', label: 'contents.transfers' },
  { id: 'pledge-title', label: 'contents.pledge', permission: 'solidarity.pledge' },
  { id: 'payments-title', label: 'contents.payments', permission: 'solidarity.pledge' },
  { id: 'deductions-title', label: 'contents.deductions' },
  { id: 'candidates-title', label: 'contents.candidates', permission: 'relocation.manage' },
  { id: 'relocation-title', label: 'contents.relocation', permission: 'relocation.manage' },
];

export function SolidarityCycle() {
  const { t } = useI18n();
  const { may } = useAuth();
  const [year, setYear] = useState<string>(YEARS[0]);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const read = useReread<SolidarityReportBody>(`/api/solidarity/${year}`, version);
  const report = read.data;
  const shown = SECTIONS.filter((s) => !s.permission || may(s.permission));
  const sees = (id: string) => shown.some((s) => s.id === id);
  return (
    <section className="with-contents">
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
      <PageContents items={shown.map((s) => ({ id: s.id, label: t(s.label) }))} ready={!!report} />
      <ErrorNotice error={read.error} />
      {!report && !read.error && <Loading />}
      {report && (
        <>
          <CycleFacts report={report} />
          <Balances report={report} />
          <Offsets report={report} />
          <TransferCounts report={report} />
          {sees('pledge-title') && <PledgeSection report={report} onSaved={reload} />}
          {sees('payments-title') && <PaymentSection report={report} onChanged={reload} />}
          <DeductionSection report={report} onChanged={reload} />
          {sees('candidates-title') && (
            <CandidateUpload
              year={report.cycle.year}
              benefitting={report.cycle.benefitting}
              onAdded={reload}
            />
          )}
          {sees('relocation-title') && <RelocationSection year={report.cycle.year} onChanged={reload} />}
        </>
      )}
    </section>
  );
}
