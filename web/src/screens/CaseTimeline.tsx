// A case's timeline: each action with its two times, who did it, its legal basis and what it recorded —
// every value through its label in the chosen language (a decision, a ground, yes or no, a country), and a
// missed deadline named by its obligation, dated at its due time, with the obligation's article.
import type { CaseViewBody } from '../../../src/api/contract.ts';
import type { CommandType } from '../../../src/domain/statuses.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AMENDMENT_TYPES, CaseAmendment } from './CaseAmendment.tsx';
import { DocumentFacts } from './CaseIssuedDocuments.tsx';
import { COMMAND_FIELDS, type FieldSpec } from './command-fields.ts';
import { useStateName } from './solidarity/shared.tsx';

type Action = CaseViewBody['actions'][number];

/** What the system's own steps recorded that a reader needs (the command's fields are in COMMAND_FIELDS). */
const SYSTEM_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  'relocation.confirmed': [{ name: 'to', kind: 'code' }],
  'case.relocated': [{ name: 'to', kind: 'code' }],
  'case.linked': [
    { name: 'mainCaseId', kind: 'text' },
    { name: 'linkedCaseId', kind: 'text' },
  ],
  'case.unlinked': [
    { name: 'mainCaseId', kind: 'text' },
    { name: 'linkedCaseId', kind: 'text' },
  ],
};

export function CaseTimeline({ actions }: { actions: readonly Action[] }) {
  const { t, label, dateTime, due } = useI18n();
  return (
    <ol className="timeline">
      {actions.map((a) => (
        <li key={a.seq}>
          {/* a missed deadline is dated at its due time: read as the deadline it was ("14 Dec, 24:00") */}
          <strong>{title(a)}</strong> — {a.type === 'obligation.missed' ? due(a.at) : dateTime(a.at)}{' '}
          {/* both times: when it happened and when it was entered (security issue #14) */}
          <span className="muted">({t('case.entered', { time: dateTime(a.recordedAt) })})</span>
          {a.lateEntry && (
            <div className="late-entry">{t('case.lateEntry', { reason: a.lateEntryReason ?? '—' })}</div>
          )}
          <div className="muted">
            {t('case.by', { actor: a.actor, role: label('role', a.role) })} ·{' '}
            <span className="article">{a.legalBasis}</span>
          </div>
          {AMENDMENT_TYPES.has(a.type) ? <CaseAmendment action={a} /> : <Payload action={a} />}
        </li>
      ))}
    </ol>
  );

  function title(a: Action): string {
    const missed = a.type === 'obligation.missed' ? (a.payload as { kind?: unknown }).kind : undefined;
    return typeof missed === 'string'
      ? t('case.missedTitle', { what: label('obligation', missed) })
      : label('action', a.type);
  }
}

function Payload({ action }: { action: Action }) {
  const { t, label, dateTime, number } = useI18n();
  const stateName = useStateName();
  const payload = (action.payload ?? {}) as Record<string, unknown>;
  if (action.type === 'identity.recorded') return <IdentityFacts payload={payload} />;
  // issue 18: which document, in which language, how it was handed over
  if (action.type === 'document.issued' || action.type === 'document.notified')
    return <DocumentFacts type={action.type} payload={payload} />;
  // what the user gave (the fields the forms ask for), not the system's bookkeeping (ids, derived status)
  const specs = COMMAND_FIELDS[action.type as CommandType] ?? SYSTEM_FIELDS[action.type] ?? [];
  const shown = specs.flatMap((spec) => {
    const v = payload[spec.name];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return [];
    return [[spec.name, value(spec, v)] as const];
  });
  if (shown.length === 0) return null;
  return (
    <div className="payload">
      {shown.map(([name, v], i) => (
        <span key={name}>
          {i > 0 && ' · '}
          {label('field', name)}: {v}
        </span>
      ))}
    </div>
  );

  function value(spec: FieldSpec, v: unknown): string {
    switch (spec.kind) {
      case 'select':
      case 'multi':
        return (Array.isArray(v) ? v : [v]).map((x) => label(spec.list, String(x))).join(', ');
      case 'checkbox':
        return v === true ? t('case.yes') : v === false ? t('case.no') : String(v);
      case 'datetime':
        return dateTime(String(v));
      case 'code':
        return stateName(String(v));
      case 'number':
        return typeof v === 'number' ? number(v) : String(v);
      default:
        // issue 20: a list of evidence items ({kind, description}: AMMR Art. 40(3)–(4)) reads as its words
        if (Array.isArray(v))
          return v
            .map((x: { kind?: unknown; description?: unknown }) =>
              x && typeof x === 'object'
                ? `${label('evidenceKind', String(x.kind))}: ${String(x.description ?? '')}`
                : String(x),
            )
            .join('; ');
        return String(v);
    }
  }
}

/** Which facts an identity.recorded gave (their values are in the person panel), e.g. "names, a document". */
const IDENTITY_FACTS: readonly (readonly [string, MessageKey])[] = [
  ['familyName', 'identity.familyName'],
  ['givenNames', 'identity.givenNames'],
  ['originalScript', 'identity.originalScript'],
  ['aliases', 'identity.aliases'],
  ['birthDate', 'identity.birthDate'],
  ['statedNationality', 'identity.statedNationality'],
  ['languages', 'identity.languages'],
  ['placeOfBirth', 'identity.placeOfBirth'],
  ['eurodacRef', 'identity.eurodacRef'],
  ['documents', 'identity.documents'],
];

function IdentityFacts({ payload }: { payload: Record<string, unknown> }) {
  const { t } = useI18n();
  const given = (payload.identity ?? {}) as Record<string, unknown>;
  const facts = [
    ...IDENTITY_FACTS.filter(([k]) => {
      const v = given[k];
      return v !== undefined && !(Array.isArray(v) && v.length === 0);
    }).map(([, key]) => t(key)),
    ...(payload.nationality ? [t('person.nationality')] : []),
    ...(payload.sex && payload.sex !== 'unknown' ? [t('person.sex')] : []),
  ];
  if (facts.length === 0) return null;
  return <div className="payload">{t('identity.recordedFacts', { facts: facts.join(', ') })}</div>;
}
