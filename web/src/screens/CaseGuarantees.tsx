// The person's guarantees on the case page (issue 17): each guarantee the law attaches to this person, in the
// catalogue's words (`guarantee.<key>`; an unknown key is shown as it is), its article and its status — done,
// due (by when, in the state's zone) or missing. The status is written out with a sign, not told by colour
// alone; the panel prints plainly. The server computes the list (src/domain/guarantees/ guaranteesOf).
import type { CaseViewBody } from '../../../src/api/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Guarantee = CaseViewBody['guarantees'][number];

const SIGN: Readonly<Record<Guarantee['status'], string>> = { done: '✓', due: '◷', missing: '✗' };

export function CaseGuarantees({ guarantees }: { guarantees: readonly Guarantee[] }) {
  const { t, label, dateTime, due } = useI18n();
  if (guarantees.length === 0) return <p className="muted">{t('guarantees.none')}</p>;
  // the catalogue's words, with each parameter in words where the catalogue has them (a measure, a group)
  const words = (g: Guarantee) => {
    const text = label('guarantee', g.key);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = g.params?.[name];
      return v === undefined ? `{${name}}` : typeof v === 'number' ? String(v) : label(name, v);
    });
  };
  const status = (g: Guarantee) => {
    if (g.status === 'due')
      return g.dueAt ? t('guaranteeStatus.due', { due: due(g.dueAt) }) : t('guaranteeStatus.dueNoTime');
    if (g.status === 'done')
      return g.at ? t('guaranteeStatus.doneAt', { at: dateTime(g.at) }) : t('guaranteeStatus.done');
    return t('guaranteeStatus.missing');
  };
  return (
    <table className="guarantees">
      <thead>
        <tr>
          <th scope="col">{t('guarantees.guarantee')}</th>
          <th scope="col">{t('guarantees.status')}</th>
          <th scope="col">{t('guarantees.article')}</th>
        </tr>
      </thead>
      <tbody>
        {guarantees.map((g) => (
          <tr key={`${g.key}-${g.article}`} className={`guarantee guarantee-${g.status}`}>
            <td>{words(g)}</td>
            <td>
              <span aria-hidden="true" className="guarantee-sign">
                {SIGN[g.status]}
              </span>{' '}
              {g.status === 'missing' ? <strong>{status(g)}</strong> : status(g)}
            </td>
            <td className="article">{g.article}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
