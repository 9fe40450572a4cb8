// How a programme's total was split (issue 22), in the reader's language from the server's structured basis
// (GET /api/admission/programmes/ID `splitBasis`): the method with its figures, and the largest-remainder rule
// that turns the exact quotas into whole persons adding up to the total. The server's English trace stays for
// the JSON and the CLI.
import type { ProgrammeViewBody } from '../../../../src/api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function SplitExplained(props: { basis: ProgrammeViewBody['splitBasis'] }) {
  const { t, number } = useI18n();
  const b = props.basis;
  return (
    <ul className="muted">
      <li>
        <small>
          {b.method === 'pledges'
            ? t('admission.splitBy.pledges', { total: number(b.total), sum: number(b.pledgeSum) })
            : t('admission.splitBy.key', {
                total: number(b.total),
                population: number(b.populationWeight),
                gdp: number(b.gdpWeight),
                states: number(b.states),
                populationYear: String(b.populationYear),
                gdpYear: String(b.gdpYear),
              })}
        </small>
      </li>
      <li>
        <small>{t('admission.splitBy.remainder', { total: number(b.total) })}</small>
      </li>
    </ul>
  );
}
