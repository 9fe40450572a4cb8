// The responsibility offsets of the cycle (AMMR Art. 63): whether benefitting states may ask for optional
// offsets (63(1)), who may offer them (63(2)), the mandatory offsets with their target and gap and each
// state's share (63(3)–(7)), those for relocations not carried out by the year's end (63(5)), and warnings.
import { useI18n } from '../../i18n/i18n.tsx';
import type { Report } from './CycleReport.tsx';
import { CAPTION, NUM, useStateName } from './shared.tsx';

export function Offsets({ report }: { report: Report }) {
  const { t, number } = useI18n();
  const name = useStateName();
  const o = report.offsets;
  const perState = o.mandatory.perState.filter((p) => p.offsets > 0);
  return (
    <section aria-labelledby="cycle-offsets">
      <h2 id="cycle-offsets">{t('offsets.title')}</h2>
      {o.warnings.length > 0 && (
        <div className="notice" role="note">
          <p>{t('offsets.warnings')}</p>
          <ul>
            {o.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid">
        <section className="card" aria-labelledby="offsets-optional">
          <h3 id="offsets-optional">{t('offsets.optional')}</h3>
          <p>
            <strong>{o.optional.available ? t('offsets.available') : t('offsets.notAvailable')}</strong>{' '}
            {o.optional.why} <span className="article">({o.optional.article})</span>
          </p>
          {o.mayOffer.length > 0 && (
            <>
              <p>{t('offsets.mayOffer')}</p>
              <ul>
                {o.mayOffer.map((m) => (
                  <li key={m.state}>
                    {name(m.state)}: {m.why} <span className="article">({m.article})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="offsets-mandatory">
          <h3 id="offsets-mandatory">{t('offsets.mandatory')}</h3>
          <p>
            <strong>{o.mandatory.triggered ? t('offsets.triggered') : t('offsets.notTriggered')}</strong>
          </p>
          <dl>
            <dt>{t('offsets.target')}</dt>
            <dd>{number(o.mandatory.target)}</dd>
            <dt>{t('offsets.pledged')}</dt>
            <dd>{number(o.mandatory.pledged)}</dd>
            <dt>{t('offsets.gap')}</dt>
            <dd>{number(o.mandatory.gap)}</dd>
          </dl>
          <p>
            {o.mandatory.why} <span className="article">({o.mandatory.article})</span>
          </p>
        </section>
      </div>
      {perState.length > 0 && (
        <table style={{ fontSize: '0.9rem' }}>
          <caption style={CAPTION}>{t('offsets.perState')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('balance.state')}</th>
              <th scope="col" style={NUM}>
                {t('offsets.offsets')}
              </th>
              <th scope="col" style={NUM}>
                {t('offsets.cap')}
              </th>
              <th scope="col">{t('offsets.why')}</th>
            </tr>
          </thead>
          <tbody>
            {perState.map((p) => (
              <tr key={p.state}>
                <th scope="row">
                  {name(p.state)} ({p.state})
                </th>
                <td className="num">{number(p.offsets)}</td>
                <td className="num">{number(p.cap)}</td>
                <td>{p.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {o.unimplemented.length > 0 && (
        <table style={{ fontSize: '0.9rem' }}>
          <caption style={CAPTION}>{t('offsets.unimplemented')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('balance.state')}</th>
              <th scope="col">{t('offsets.offsets')}</th>
              <th scope="col">{t('offsets.why')}</th>
            </tr>
          </thead>
          <tbody>
            {o.unimplemented.map((p) => (
              <tr key={p.state}>
                <th scope="row">
                  {name(p.state)} ({p.state})
                </th>
                <td className="num">{number(p.offsets)}</td>
                <td>
                  {p.why} <span className="article">({p.article})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
