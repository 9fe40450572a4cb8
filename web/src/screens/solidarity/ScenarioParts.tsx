// Parts of the scenario simulator: a list of (state, percent) rows — pledges as splits of the fair share,
// or granted deductions — and the answer, the adopted cycle side by side with the scenario.
import type { ScenarioResult } from '../../../../src/api/contract.ts';
import { Field, NumberField } from '../../components.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CAPTION, NUM, useReasonUnder, useStateName, Wide } from './shared.tsx';

export interface ShareRow {
  readonly state: string;
  readonly percent: string;
}

export function ShareRows(props: {
  kind: 'pledges' | 'deductions';
  legend: string;
  hint: string;
  states: readonly string[];
  rows: readonly ShareRow[];
  setRows: (f: (rows: ShareRow[]) => ShareRow[]) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  const name = useStateName();
  const reasonUnder = useReasonUnder(props.error);
  const { kind, rows, setRows } = props;
  const pledges = kind === 'pledges';
  const free = props.states.find((s) => !rows.some((r) => r.state === s)) ?? props.states[0] ?? '';
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <p className="hint">{props.hint}</p>
      {rows.map((r, i) => {
        const n = i + 1;
        const set = (change: Partial<ShareRow>) =>
          props.setRows((all) => all.map((x, j) => (j === i ? { ...x, ...change } : x)));
        // a percent's reason: "pledges/LT/relocatePercent" or "deductions/LT"
        const reason = reasonUnder(`${kind}/${r.state}`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div className="row" key={i}>
            <Field label={t(pledges ? 'simulator.pledgeStateOf' : 'simulator.deductionStateOf', { n })}>
              {(id) => (
                <select id={id} value={r.state} onChange={(e) => set({ state: e.target.value })}>
                  {props.states.map((s) => (
                    <option key={s} value={s}>
                      {name(s)} ({s})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <NumberField
              label={t(pledges ? 'simulator.relocatePercentOf' : 'simulator.deductedPercentOf', { n })}
              error={reason}
              value={r.percent}
              onChange={(v) => set({ percent: v })}
              min={0}
              max={100}
              step="any"
            />
            <div className="field">
              <button
                type="button"
                className="secondary"
                onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
              >
                {t(pledges ? 'simulator.removePledge' : 'simulator.removeDeduction', { n })}
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() => setRows((all) => [...all, { state: free, percent: pledges ? '50' : '10' }])}
      >
        {t(pledges ? 'simulator.addPledge' : 'simulator.addDeduction')}
      </button>
    </fieldset>
  );
}

export function ScenarioTable({ result }: { result: ScenarioResult }) {
  const { t, number, eur } = useI18n();
  const name = useStateName();
  const a = result.totals.adopted;
  const s = result.totals.scenario;
  const totals = [
    ['simulator.total.pool', a.pool, s.pool],
    ['simulator.total.relocations', a.relocations, s.relocations],
    ['simulator.total.arrivals', a.arrivals, s.arrivals],
    ['simulator.total.unrelocated', a.unrelocated, s.unrelocated],
  ] as const;
  /** The scenario's value, in bold when it differs from the adopted one. */
  const pair = (x: number, y: number, show: (n: number) => string) => (
    <>
      <td className="num">{show(x)}</td>
      <td className="num">{x === y ? show(y) : <strong>{show(y)}</strong>}</td>
    </>
  );
  return (
    <section aria-labelledby="result-title" aria-live="polite">
      <h2 id="result-title">{t('simulator.result')}</h2>
      {result.warnings.length > 0 && (
        <div className="notice" role="note">
          <p>{t('simulator.warnings')}</p>
          <ul>
            {result.warnings.map((w) => (
              <li key={`${w.on} ${w.text}`}>
                <strong>{t(`simulator.warningOn.${w.on}`)}</strong> {w.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <table className="narrow">
        <caption style={CAPTION}>{t('simulator.totals')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('simulator.measure')}</th>
            <th scope="col" style={NUM}>
              {t('simulator.adopted')}
            </th>
            <th scope="col" style={NUM}>
              {t('simulator.scenarioCol')}
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.map(([key, x, y]) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              {pair(x, y, number)}
            </tr>
          ))}
        </tbody>
      </table>
      <Wide label={t('simulator.perState')}>
        <table style={{ fontSize: '0.9rem', marginTop: '1rem' }}>
          <caption style={CAPTION}>{t('simulator.perState')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={2}>
                {t('simulator.col.fairShare')}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t('simulator.col.relocations')}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t('simulator.col.owes')}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t('simulator.col.offsets')}
              </th>
            </tr>
            <tr>
              <th scope="col">{t('balance.state')}</th>
              {[0, 1, 2, 3].map((g) => (
                <SideHeaders key={g} />
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.state}>
                <th scope="row">
                  {name(r.state)} ({r.state})
                </th>
                {pair(r.adopted.fairShare, r.scenario.fairShare, number)}
                {pair(r.adopted.relocations, r.scenario.relocations, number)}
                {pair(r.adopted.owesCents, r.scenario.owesCents, eur)}
                {pair(r.adopted.offsets, r.scenario.offsets, number)}
              </tr>
            ))}
          </tbody>
        </table>
      </Wide>
      <p className="muted">{t('simulator.rule', { rule: result.rule })}</p>
    </section>
  );
}

function SideHeaders() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col" style={NUM}>
        {t('simulator.adopted')}
      </th>
      <th scope="col" style={NUM}>
        {t('simulator.scenarioCol')}
      </th>
    </>
  );
}
