// The retention sweep (`pact retention sweep`, docs/retention.md): erases the personal data whose period is
// over on a day, in one transaction with one audit entry per kind that says what was erased, how many records
// and why (the law's parameter and its citation, or the national setting). What statistics count stays:
// the case row's status, nationality, sex, birth year, minor, flags; the log's types, times, decisions,
// grounds and asylum wishes. A dry run does the same work and rolls it back.
import { sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { ATTACHMENT_TYPES } from '../domain/attachments.ts';
import {
  DEFAULT_RETENTION_SETTINGS,
  type IdentityCategory,
  identityCategory,
  identityRule,
  intervalOf,
  type RetentionKind,
  type RetentionRule,
  type RetentionSettings,
  reasonOf,
} from '../domain/retention.ts';
import { ENCOUNTER_KINDS } from '../domain/vocabulary.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { unionDate } from '../law/union-date.ts';
import { keptPayload, keptSha256, payloadSha256 } from './action-hash.ts';
import { type AuditEntry, appendAudit, lockAudit } from './audit.ts';
import { auditedActions } from './audit-actions.ts';
import { type Db, rowsOf } from './database.ts';
import { importVouching } from './import-audit.ts';
import { erasedDigest } from './retention-audit.ts';

export interface SweepOptions {
  /** the instant the periods are measured to (default: now) */
  readonly at: Date;
  /** the clock: when the erasure happens (erased_at, the audit entries) */
  readonly now: Date;
  readonly dryRun?: boolean;
  readonly settings?: RetentionSettings;
  /** who runs it (the audit's actor) */
  readonly actor?: string;
}

export interface KindReport {
  readonly kind: RetentionKind;
  /** rows erased (or that would be, in a dry run), by table */
  readonly records: Readonly<Record<string, number>>;
  /** why: the rules applied, with how many cases or rows each */
  readonly reasons: readonly {
    readonly reason: string;
    readonly count: number;
    readonly category?: string;
  }[];
  /**
   * case-log rows left as they are because they no longer match their audit entry (altered outside Pact, or
   * written before salts): erasing them would launder the change; `pact audit verify` names them too
   */
  readonly tampered?: readonly { readonly caseId: string; readonly seq: number }[];
}

export interface SweepReport {
  readonly at: string;
  readonly dryRun: boolean;
  readonly kinds: readonly KindReport[];
}

const CATEGORIES: readonly IdentityCategory[] = [
  'applicant',
  'irregular-crosser',
  'illegal-stayer',
  'disembarked',
  'refused-entry',
];

class DryRun extends Error {
  constructor(readonly report: SweepReport) {
    super('dry run');
  }
}

/** Erases what is past its period at `at`; returns what was (or would be) erased. */
export async function sweepRetention(
  db: Db,
  law: ParameterRegistry,
  options: SweepOptions,
): Promise<SweepReport> {
  let o = options;
  const settings = o.settings ?? DEFAULT_RETENTION_SETTINGS;
  const day = unionDate(o.at);
  const rules = Object.fromEntries(CATEGORIES.map((c) => [c, identityRule(law, c, day, settings)])) as Record<
    IdentityCategory,
    RetentionRule
  >;
  try {
    return await db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      // one sweep at a time, each with an instant of its own: the rows a sweep erased are those marked with
      // its instant (src/store/retention-audit.ts)
      await lockAudit(tx);
      const [last] = await rowsOf<{ erased_at: string | null }>(
        tx,
        sql`select max((data->>'erasedAt')::timestamptz) as erased_at from audit_log where action = 'retention.erased'`,
      );
      const lastMs = last?.erased_at ? new Date(last.erased_at).getTime() : Number.NEGATIVE_INFINITY;
      o = { ...o, now: new Date(Math.max(o.now.getTime(), lastMs + 1)) };
      const identity = await eraseIdentities(tx, rules, o);
      const attachments = await eraseAttachments(tx, rules, o, settings);
      const searches = await eraseSearches(tx, o, settings);
      const kinds = [identity.report, attachments, searches];
      const entries: AuditEntry[] = kinds.map((k) => ({
        at: o.now,
        actor: o.actor ?? 'system',
        action: 'retention.erased',
        subject: null,
        data: {
          kind: k.kind,
          at: o.at.toISOString(),
          erasedAt: o.now.toISOString(),
          records: k.records,
          reasons: k.reasons,
          ...(k.tampered ? { tampered: k.tampered } : {}),
          ...(k.kind === 'identity'
            ? { actionsSha256: identity.digest, importBatches: identity.importBatches }
            : {}),
        },
      }));
      await appendAudit(tx, entries);
      const report = { at: o.at.toISOString(), dryRun: o.dryRun === true, kinds };
      if (o.dryRun) throw new DryRun(report);
      return report;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.report;
    throw e;
  }
}

/** The period of each case as SQL: by the asylum wish, else by how the person was met (identityCategory). */
function periodCase(rules: Record<IdentityCategory, RetentionRule>) {
  const byKind = ENCOUNTER_KINDS.map(
    (k) => sql`when ${k} then ${intervalOf(rules[identityCategory(k, false)].period)}::interval`,
  );
  const categoryByKind = ENCOUNTER_KINDS.map((k) => sql`when ${k} then ${identityCategory(k, false)}::text`);
  const period = sql`case when c.asylum_wish_at is not null then ${intervalOf(rules.applicant.period)}::interval
      else case c.data->>'encounterKind' ${sql.join(byKind, sql` `)} end end`;
  return {
    // the period runs from the transmission to Eurodac (Art. 29: "from the date on which the biometric data
    // were transmitted"), or from the encounter where none was recorded
    past: (at: Date) =>
      sql`coalesce((select min(t.at) from case_actions t where t.case_id = c.id and t.type = 'eurodac.transmitted'),
                   (c.data->>'occurredAt')::timestamptz) + ${period} <= ${at.toISOString()}::timestamptz`,
    category: sql`case when c.asylum_wish_at is not null then 'applicant'::text
      else case c.data->>'encounterKind' ${sql.join(categoryByKind, sql` `)} end end`,
  };
}

const BATCH = 500;

async function eraseIdentities(
  tx: Db,
  rules: Record<IdentityCategory, RetentionRule>,
  o: SweepOptions,
): Promise<{ report: KindReport; digest: string; importBatches: Record<string, string> }> {
  const { past, category } = periodCase(rules);
  // issue 21: the import batches that vouch for imported actions, each checked once; the batches the sweep
  // erased persons of, whose hash after it the audit entry records (import-audit.ts)
  const vouching = importVouching(tx);
  const sweptBatches = new Set<string>();
  // a case past its period with anything left to erase
  const due = await rowsOf<{ id: string; category: IdentityCategory }>(
    tx,
    sql`select c.id, ${category} as category from cases c
      where ${past(o.at)}
        and (c.data->'person' ? 'identity'
          or exists (select 1 from person_identities i where i.case_id = c.id)
          or exists (select 1 from person_documents d where d.case_id = c.id)
          or exists (select 1 from case_actions a where a.case_id = c.id and a.erased_at is null
                     and strpos(a.payload::text, 'identity') > 0))
      order by c.id`,
  );
  const caseIds = due.map((d) => d.id);
  const records = { cases: 0, caseActions: 0, personIdentities: 0, personDocuments: 0 };
  const erased: { case_id: string; seq: number; payload: unknown }[] = [];
  const tampered: { caseId: string; seq: number }[] = [];
  // the cases where something was erased (a case whose log merely mentions the word is not counted)
  const touched = new Set<string>();
  for (let i = 0; i < caseIds.length; i += BATCH) {
    const ids = JSON.stringify(caseIds.slice(i, i + BATCH));
    const inBatch = sql`(select value::uuid from jsonb_array_elements_text(${ids}::jsonb))`;
    // each row with its audit entry: a row that no longer matches what its entry vouched for (salted) is not
    // erased — erasing it would make the audit vouch for the altered rest — but reported as tampered
    const actions = await rowsOf<{
      case_id: string;
      seq: number;
      payload: unknown;
      salt: string | null;
      audit: { payloadSha256?: string; keptSha256?: string } | null;
    }>(
      tx,
      sql`select c.case_id, c.seq, c.payload, c.salt, a.data as audit from case_actions c
        left join ${auditedActions()} a on a.subject = c.case_id::text and (a.data->>'seq')::int = c.seq
        where c.case_id in ${inBatch} and c.erased_at is null and strpos(c.payload::text, 'identity') > 0`,
    );
    const changed: { case_id: string; seq: number; payload: unknown }[] = [];
    // issue 21 (copy): an imported first action is vouched for by its import batch (import-audit.ts)
    const imported = await vouching.vouched(actions.filter((a) => !a.audit).map((a) => a.case_id));
    for (const a of actions) {
      const kept = keptPayload(a.payload);
      if (stringify(kept) === stringify(a.payload)) continue;
      const vouched =
        a.salt !== null &&
        a.audit?.keptSha256 !== undefined &&
        a.audit.payloadSha256 === payloadSha256(a.salt, a.payload) &&
        a.audit.keptSha256 === keptSha256(a.payload);
      const batch = a.audit ? undefined : imported.get(`${a.case_id}:${Number(a.seq)}`);
      if (vouched || (a.salt !== null && batch !== undefined)) {
        changed.push({ case_id: a.case_id, seq: Number(a.seq), payload: kept });
        if (batch !== undefined) sweptBatches.add(batch);
      } else tampered.push({ caseId: a.case_id, seq: Number(a.seq) });
    }
    if (changed.length > 0)
      await tx.execute(
        sql`update case_actions a set payload = t.payload, salt = null, erased_at = ${o.now.toISOString()}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) as t(case_id uuid, seq integer, payload jsonb)
          where a.case_id = t.case_id and a.seq = t.seq`,
      );
    erased.push(...changed);
    records.caseActions += changed.length;
    for (const a of changed) touched.add(a.case_id);
    const cases = await rowsOf<{ id: string }>(
      tx,
      sql`update cases set data = data #- '{person,identity}' where id in ${inBatch} and data->'person' ? 'identity' returning id`,
    );
    const documents = await rowsOf<{ id: string }>(
      tx,
      sql`delete from person_documents where case_id in ${inBatch} returning case_id as id`,
    );
    const identities = await rowsOf<{ id: string }>(
      tx,
      sql`delete from person_identities where case_id in ${inBatch} returning case_id as id`,
    );
    records.cases += cases.length;
    records.personDocuments += documents.length;
    records.personIdentities += identities.length;
    for (const r of [...cases, ...documents, ...identities]) touched.add(r.id);
  }
  const byCategory = new Map<IdentityCategory, number>();
  for (const d of due)
    if (touched.has(d.id)) byCategory.set(d.category, (byCategory.get(d.category) ?? 0) + 1);
  return {
    digest: erasedDigest(erased),
    importBatches: await vouching.hashes([...sweptBatches].sort()),
    report: {
      kind: 'identity',
      records,
      ...(tampered.length > 0 ? { tampered } : {}),
      reasons: CATEGORIES.filter((c) => byCategory.has(c)).map((c) => ({
        category: c,
        reason: reasonOf(rules[c]),
        count: byCategory.get(c) ?? 0,
      })),
    },
  };
}

/** The erased file keeps its type's extension only: its name may have named the person. */
const ERASED_NAME = sql`'erased.' || case a.content_type ${sql.join(
  Object.entries(ATTACHMENT_TYPES).map(([t, ext]) => sql`when ${t} then ${ext}`),
  sql` `,
)} else 'bin' end`;

async function eraseAttachments(
  tx: Db,
  rules: Record<IdentityCategory, RetentionRule>,
  o: SweepOptions,
  settings: RetentionSettings,
): Promise<KindReport> {
  const set = sql`set bytes = null, thumbnail = null, file_name = ${ERASED_NAME}, erased_at = ${o.now.toISOString()}::timestamptz`;
  if (settings.attachments === 'with-identity') {
    const { past, category } = periodCase(rules);
    const rows = await rowsOf<{ category: IdentityCategory }>(
      tx,
      sql`update attachments a ${set} from cases c
        where c.id = a.case_id and a.erased_at is null and ${past(o.at)}
        returning ${category} as category`,
    );
    const by = new Map<string, number>();
    for (const r of rows) by.set(r.category, (by.get(r.category) ?? 0) + 1);
    return {
      kind: 'attachments',
      records: { attachments: rows.length },
      reasons: [...by].map(([c, n]) => ({
        category: c,
        reason: `national setting attachments = with the identity of their case: ${reasonOf(rules[c as IdentityCategory])}`,
        count: n,
      })),
    };
  }
  const rows = await rowsOf(
    tx,
    sql`update attachments a ${set} where a.erased_at is null
      and a.uploaded_at + ${intervalOf(settings.attachments)}::interval <= ${o.at.toISOString()}::timestamptz returning 1`,
  );
  return {
    kind: 'attachments',
    records: { attachments: rows.length },
    reasons:
      rows.length > 0
        ? [
            {
              reason: `national setting attachments = ${intervalOf(settings.attachments)} from upload (the law sets no period)`,
              count: rows.length,
            },
          ]
        : [],
  };
}

async function eraseSearches(tx: Db, o: SweepOptions, settings: RetentionSettings): Promise<KindReport> {
  const rows = await rowsOf(
    tx,
    sql`update person_searches set query = null, salt = null, erased_at = ${o.now.toISOString()}::timestamptz
      where query is not null and at + ${intervalOf(settings.searches)}::interval <= ${o.at.toISOString()}::timestamptz
      returning 1`,
  );
  return {
    kind: 'searches',
    records: { personSearches: rows.length },
    reasons:
      rows.length > 0
        ? [
            {
              reason: `national setting searches = ${intervalOf(settings.searches)} from the search (the law sets no period)`,
              count: rows.length,
            },
          ]
        : [],
  };
}
