// The cycle as the report gives it: its facts (AMMR Arts 11–12, 57) and the balance of every state against
// its fair share with the Union's total (Art. 60).
import type { SolidarityReportBody } from '../../../../src/api/contract.ts';
import { useAuth } from '../../auth.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NUM, useStateName, Wide } from './shared.tsx';

export type Report = SolidarityReportBody;
export type Balance = Report['balances']['states'][number];

export function CycleFacts({ report }: { report: Report }) {
  const { t, number, eur, date } = useI18n();
  const name = useStateName();
  const c = report.cycle;
  const states = (codes: readonly string[]) =>
    codes.length ? codes.map((s) => `${name(s)} (${s})`).join(', ') : t('cycle.none');
  return (
    <section className="card" aria-labelledby="cycle-facts">
      <h2 id="cycle-facts">{t('cycle.facts')}</h2>
      <dl>
        <dt>{t('cycle.proposal')}</dt>
        <dd>
          {t('cycle.proposalText', {
            date: date(c.proposal.on),
            relocations: number(c.proposal.relocations),
            act: c.proposal.act,
          })}
        </dd>
        <dt>{t('cycle.underPressure')}</dt>
        <dd>{states(c.classification.underPressure)}</dd>
        <dt>{t('cycle.atRisk')}</dt>
        <dd>{states(c.classification.atRisk)}</dd>
        <dt>{t('cycle.significant')}</dt>
        <dd>{states(c.classification.significantSituation)}</dd>
        <dt>{t('cycle.classificationAct')}</dt>
        <dd>{c.classification.act}</dd>
        <dt>{t('cycle.councilAct')}</dt>
        <dd>
          {t('cycle.councilActText', {
            act: c.councilAct.act,
            date: date(c.councilAct.adoptedOn),
            relocations: number(c.councilAct.relocations),
            eur: eur(c.councilAct.eurCents),
          })}
        </dd>
        <dt>{t('cycle.perRelocation')}</dt>
        <dd>{eur(Math.round(c.eurPerRelocation * 100))}</dd>
        <dt>{t('cycle.benefitting')}</dt>
        <dd>{states(c.benefitting)}</dd>
        <dt>{t('cycle.deductionEligible')}</dt>
        <dd>{states(c.deductionEligible)}</dd>
      </dl>
      {c.warnings.map((w) => (
        <p key={w} className="notice">
          {w}
        </p>
      ))}
    </section>
  );
}

/** What a state still lacks against its fair share, in cents (no pledge: the whole share, if it owes one). */
export function shortfallOf(b: Balance, perPersonCents: number): number | undefined {
  if (b.value) return b.value.shortfallCents;
  return b.benefitting ? undefined : b.fairShare.relocations * perPersonCents;
}

/** The balances of `states`, with the Union's total row when `union` is given. */
export function BalanceTable(props: {
  states: readonly Balance[];
  union?: Report['balances']['union'];
  eurPerRelocation: number;
  caption: string;
}) {
  const { t, number, eur } = useI18n();
  const own = useAuth().me?.jurisdiction;
  const name = useStateName();
  const perPerson = Math.round(props.eurPerRelocation * 100);
  const money = (m: { eurCents: number; alternativesCents: number }) => m.eurCents + m.alternativesCents;
  const shortfall = props.states.reduce((n, b) => n + (shortfallOf(b, perPerson) ?? 0), 0);
  const outstanding = props.states.reduce(
    (o, b) => ({ persons: o.persons + b.outstanding.relocations, cents: o.cents + money(b.outstanding) }),
    { persons: 0, cents: 0 },
  );
  const u = props.union;
  return (
    <Wide label={props.caption}>
      <table style={{ fontSize: '0.8rem' }}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('balance.state')}</th>
            <th scope="col" style={NUM}>
              {t('balance.fairShare')}
            </th>
            <th scope="col" style={NUM}>
              {t('balance.pledgedRelocations')}
            </th>
            <th scope="col" style={NUM}>
              {t('balance.pledgedEur')}
            </th>
            <th scope="col" style={NUM}>
              {t('balance.shortfall')}
            </th>
            <th scope="col" style={NUM}>
              {t('balance.deducted')}
            </th>
            <th scope="col" style={NUM}>
              {t('balance.toRelocate')}
            </th>
            <th scope="col" style={NUM}>
              {t('balance.relocated')}
            </th>
            <th scope="col" style={NUM}>
              {t('balance.paid')}
            </th>
            <th scope="col" style={NUM}>
              {t('balance.outstanding')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.states.map((b) => {
            const s = shortfallOf(b, perPerson);
            return (
              <tr key={b.state} className={b.state === own ? 'selected' : undefined}>
                <th scope="row">
                  {name(b.state)} ({b.state}){b.benefitting && ' '}
                  {b.benefitting && <span className="flag">{t('balance.benefitting')}</span>}
                </th>
                <td className="num">{number(b.fairShare.relocations)}</td>
                <td className="num">{b.pledged ? number(b.pledged.relocations) : t('balance.noPledge')}</td>
                <td className="num">{b.pledged ? eur(money(b.pledged)) : '—'}</td>
                <td className="num">{s === undefined ? '—' : eur(s)}</td>
                <td className="num">{b.deductedPercent ? `${number(b.deductedPercent)} %` : '—'}</td>
                <td className="num">{number(b.afterDeductions.relocations)}</td>
                <td className="num">{number(b.implemented.relocations)}</td>
                <td className="num">{eur(money(b.implemented))}</td>
                <td className="num">
                  <Outstanding persons={b.outstanding.relocations} cents={money(b.outstanding)} />
                </td>
              </tr>
            );
          })}
        </tbody>
        {u && (
          <tfoot>
            <tr>
              <th scope="row">{t('balance.union')}</th>
              <td className="num">{number(u.reference.relocations)}</td>
              <td className="num">{number(u.pledged.relocations)}</td>
              <td className="num">{eur(money(u.pledged))}</td>
              <td className="num">{eur(shortfall)}</td>
              <td className="num">—</td>
              <td className="num">{number(u.afterDeductions.relocations)}</td>
              <td className="num">{number(u.implemented.relocations)}</td>
              <td className="num">{eur(money(u.implemented))}</td>
              <td className="num">
                <Outstanding persons={outstanding.persons} cents={outstanding.cents} />
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </Wide>
  );
}

/** What remains to do: persons to relocate and euros to pay (or deliver), on two lines. */
function Outstanding({ persons, cents }: { persons: number; cents: number }) {
  const { t, number, eur } = useI18n();
  if (!persons && !cents) return <>—</>;
  return (
    <>
      {t('balance.persons', { n: number(persons) })}
      <br />
      {eur(cents)}
    </>
  );
}

export function Balances({ report }: { report: Report }) {
  const { t, eur } = useI18n();
  const u = report.balances.union;
  return (
    <section aria-labelledby="cycle-balances">
      <h2 id="cycle-balances">{t('balance.title')}</h2>
      <p>
        {t('balance.valueText', {
          pledged: eur(u.pledgedValueCents),
          reference: eur(u.referenceValueCents),
          perPerson: eur(Math.round(report.cycle.eurPerRelocation * 100)),
        })}
      </p>
      <BalanceTable
        states={report.balances.states}
        union={u}
        eurPerRelocation={report.cycle.eurPerRelocation}
        caption={t('balance.caption', { year: report.cycle.year })}
      />
    </section>
  );
}
