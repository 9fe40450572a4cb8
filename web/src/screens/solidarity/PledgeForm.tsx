// A state's pledge for the year (AMMR Arts 56–57): a split of its fair share ("relocate 50 %, pay for the
// rest") or relocations and euros, alternative measures valued in euros, and the criteria of the persons it
// relocates (Art. 67(4)–(5)). A national coordinator pledges for its own state; the EU coordinator for any.
import { type FormEvent, useState } from 'react';
import type { SolidarityReportBody } from '../../../../src/api/contract.ts';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { NumberField } from '../../components.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Balance, BalanceTable } from './CycleReport.tsx';
import { AlternativesFields, CriteriaFields, type CriteriaText, type Families } from './PledgeFields.tsx';
import {
  CycleStateField,
  commaList,
  eurosOf,
  FormErrors,
  typed,
  useReasonUnder,
  useStateName,
} from './shared.tsx';

type Report = SolidarityReportBody;
type Pledge = Report['pledges'][number];

/** The body of PUT /api/solidarity/:year/pledges/:state (numbers left empty are sent as null). */
interface PledgeInput {
  relocatePercent?: number | null;
  relocations?: number | null;
  eurCents?: number | null;
  alternatives: { description: string; valueCents: number | null }[];
  criteria: {
    nationalities?: string[];
    families: Families;
    languages?: string[];
    maxPerMonth?: number | null;
  };
}

export function PledgeSection({ report, onSaved }: { report: Report; onSaved: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const name = useStateName();
  const eu = me.jurisdiction === 'EU';
  const states = report.cycle.fairShares.map((s) => s.state as string);
  const [state, setState] = useState(eu ? (states[0] ?? '') : me.jurisdiction);
  const share = report.cycle.fairShares.find((s) => s.state === state);
  return (
    <section className="card" aria-labelledby="pledge-title">
      <h2 id="pledge-title">{t('pledge.title')}</h2>
      {eu ? (
        <div className="row">
          <CycleStateField states={states} value={state} onChange={setState} />
        </div>
      ) : (
        <p>{t('pledge.forState', { state: `${name(state)} (${state})` })}</p>
      )}
      {share ? (
        <PledgeForm
          key={state}
          state={state}
          report={report}
          pledge={report.pledges.find((p) => p.state === state)}
          onSaved={onSaved}
        />
      ) : (
        <p className="notice">{t('pledge.noShare', { state: name(state) })}</p>
      )}
    </section>
  );
}

function PledgeForm(props: {
  state: string;
  report: Report;
  pledge?: Pledge | undefined;
  onSaved: () => void;
}) {
  const { t, number, eur } = useI18n();
  const name = useStateName();
  const { report, pledge, state } = props;
  const share = report.cycle.fairShares.find((s) => s.state === state);
  const perPerson = Math.round(report.cycle.eurPerRelocation * 100);
  const [mode, setMode] = useState<'split' | 'fixed'>(pledge && !pledge.split ? 'fixed' : 'split');
  const [percent, setPercent] = useState(String(pledge?.split?.relocatePercent ?? 50));
  const [relocations, setRelocations] = useState(String(pledge?.relocations ?? 0));
  const [euros, setEuros] = useState(eurosOf(pledge?.eurCents ?? 0));
  const [alternatives, setAlternatives] = useState(
    (pledge?.alternatives ?? []).map((a) => ({ description: a.description, euros: eurosOf(a.valueCents) })),
  );
  const c = pledge?.criteria;
  const [criteria, setCriteria] = useState<CriteriaText>({
    nationalities: (c?.nationalities ?? []).join(', '),
    families: c?.families ?? 'any',
    languages: (c?.languages ?? []).join(', '),
    maxPerMonth: c?.maxPerMonth === undefined ? '' : String(c.maxPerMonth),
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Balance>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    const nat = commaList(criteria.nationalities, true);
    const lang = commaList(criteria.languages);
    const body: PledgeInput = {
      ...(mode === 'split'
        ? { relocatePercent: typed(percent) }
        : { relocations: typed(relocations), eurCents: typed(euros, 100) }),
      alternatives: alternatives.map((a) => ({
        description: a.description,
        valueCents: typed(a.euros, 100),
      })),
      criteria: {
        families: criteria.families,
        ...(nat.length ? { nationalities: nat } : {}),
        ...(lang.length ? { languages: lang } : {}),
        ...(criteria.maxPerMonth.trim() ? { maxPerMonth: typed(criteria.maxPerMonth) } : {}),
      },
    };
    try {
      const r = await api<{ balance: Balance }>(
        'PUT',
        `/api/solidarity/${report.cycle.year}/pledges/${state}`,
        body,
      );
      setSaved(r.balance);
      props.onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const reason = useReasonUnder(error);
  const fieldName = (field: string): string => {
    const alt = /^alternatives\/(\d+)\/(description|valueCents)/.exec(field);
    if (alt)
      return t(alt[2] === 'description' ? 'pledge.altDescriptionOf' : 'pledge.altValueOf', {
        n: Number(alt[1]) + 1,
      });
    const names: Record<string, MessageKey> = {
      state: 'pledge.state',
      relocatePercent: 'pledge.percent',
      relocations: 'pledge.relocations',
      eurCents: 'pledge.eur',
      alternatives: 'pledge.alternatives',
      'criteria/nationalities': 'pledge.nationalities',
      'criteria/families': 'pledge.families',
      'criteria/languages': 'pledge.languages',
      'criteria/maxPerMonth': 'pledge.maxPerMonth',
    };
    const key = Object.entries(names).find(([f]) => field === f || field.startsWith(`${f}/`))?.[1];
    return key ? t(key) : field;
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors error={error} fieldName={fieldName} />
      {share && (
        <p>
          {t('pledge.shareText', {
            persons: number(share.relocations),
            eur: eur(share.relocations * perPerson),
          })}
        </p>
      )}
      {reason('state') && (
        <p className="error" role="alert">
          {reason('state')}
        </p>
      )}
      <fieldset>
        <legend>{t('pledge.how')}</legend>
        <label className="inline">
          <input
            type="radio"
            name="pledge-mode"
            checked={mode === 'split'}
            onChange={() => setMode('split')}
          />
          {t('pledge.modeSplit')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name="pledge-mode"
            checked={mode === 'fixed'}
            onChange={() => setMode('fixed')}
          />
          {t('pledge.modeFixed')}
        </label>
        <div className="row">
          {mode === 'split' ? (
            <NumberField
              label={t('pledge.percent')}
              error={reason('relocatePercent')}
              hint={t('pledge.percentHint')}
              value={percent}
              onChange={setPercent}
              min={0}
              max={100}
              step="any"
            />
          ) : (
            <>
              <NumberField
                label={t('pledge.relocations')}
                error={reason('relocations')}
                value={relocations}
                onChange={setRelocations}
                min={0}
              />
              <NumberField
                label={t('pledge.eur')}
                error={reason('eurCents')}
                value={euros}
                onChange={setEuros}
                min={0}
                step="0.01"
              />
            </>
          )}
        </div>
      </fieldset>
      <AlternativesFields rows={alternatives} setRows={setAlternatives} error={error} />
      <CriteriaFields value={criteria} set={setCriteria} error={error} />
      <button type="submit" disabled={busy}>
        {t('pledge.submit', { state: name(state) })}
      </button>
      {saved && (
        <div className="notice notice-ok" role="status">
          <p>{t('pledge.saved', { state: name(state) })}</p>
          <BalanceTable
            states={[saved]}
            eurPerRelocation={report.cycle.eurPerRelocation}
            caption={t('pledge.savedCaption', { state: name(state) })}
          />
        </div>
      )}
    </form>
  );
}
