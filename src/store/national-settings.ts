// The national values the Pact leaves to a member state that no published act gives yet (issue 17): the APR
// Art. 67(7) appeal windows of Lithuania and Poland were NOT FOUND for the Pact era (shared/spec/pact-rules.md
// section 9), so an administrator confirms them here. Each value is checked against the EU range by the same
// registry check as a shipped national choice (law/national/), recorded with who confirmed it, audited, and
// fed into the law the case decisions use under the name the decider asks for
// (`national.<state>.appeal.window-…`, src/domain/guarantees/remedies.ts).
import { sql } from 'drizzle-orm';
import { MEMBER_STATES } from '../../law/member-states.ts';
import type { ParameterInput } from '../../law/schema.ts';
import { PactError } from '../law/errors.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { appendAudit } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import { type Db, rowsOf } from './database.ts';

export const APPEAL_WINDOWS = ['window-fast-track', 'window-other'] as const;
export type AppealWindowName = (typeof APPEAL_WINDOWS)[number];

/** The pseudo-file the confirmed values are registered under (listings and traces show it). */
export const SETTINGS_FILE = 'settings:national_settings';

export interface AppealWindowSetting {
  readonly state: string;
  readonly window: AppealWindowName;
  readonly since: string;
  readonly amount: number;
  readonly unit: 'days' | 'weeks' | 'months';
  /** the national act or decision the administrator relied on */
  readonly source: string;
  readonly confirmedBy: string;
  readonly confirmedAt: string;
}

export class SettingInputError extends PactError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid-setting', message);
  }
}

const nameOf = (state: string, window: AppealWindowName) =>
  `national.${state.toLowerCase()}.appeal.${window}`;

interface Row {
  state: string;
  name: string;
  since: string;
  value: { amount: number; unit: AppealWindowSetting['unit'] };
  source: string;
  confirmed_by: string;
  confirmed_at: string;
}

/** The confirmed appeal windows, of one state or all. */
export async function listAppealWindows(db: Db, state?: string): Promise<AppealWindowSetting[]> {
  const rows = await rowsOf<Row>(
    db,
    sql`select state, name, to_char(since, 'YYYY-MM-DD') as since, value, source, confirmed_by,
          to_char(confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as confirmed_at
        from national_settings
        where name like 'national.%.appeal.window-%' ${state ? sql`and state = ${state}` : sql``}
        order by state, name`,
  );
  return rows.map((r) => ({
    state: r.state,
    window: r.name.endsWith('window-fast-track') ? 'window-fast-track' : 'window-other',
    since: r.since,
    amount: Number(r.value.amount),
    unit: r.value.unit,
    source: r.source,
    confirmedBy: r.confirmed_by,
    confirmedAt: r.confirmed_at,
  }));
}

/** The parameters the confirmed values make, each inside the EU range it names. */
export function settingsParameters(settings: readonly AppealWindowSetting[]): ParameterInput[] {
  return settings.map((s) => {
    const point = s.window === 'window-fast-track' ? 'a' : 'b';
    return {
      name: nameOf(s.state, s.window),
      description: `${s.state}'s appeal window (${s.window === 'window-fast-track' ? 'accelerated or border procedure rejections' : 'all other cases'}), confirmed by an administrator`,
      unit: s.unit,
      within: `apr.appeal.${s.window}`,
      values: [
        {
          since: s.since,
          value: s.amount,
          source: {
            act: 'APR',
            article: '67',
            paragraph: '7',
            point,
            status: 'reported',
            note: `national value confirmed by administrator ${s.confirmedBy} on ${s.confirmedAt.slice(0, 10)} (no Pact-era implementing act read by the project); source given: ${s.source}`,
          },
        },
      ],
    } as ParameterInput;
  });
}

/** The law with the confirmed values added (the shipped law stays the base: a shipped value wins a clash). */
export function lawWithSettings(
  base: ParameterRegistry,
  settings: readonly AppealWindowSetting[],
): ParameterRegistry {
  const fresh = settings.filter((s) => !base.find(nameOf(s.state, s.window)));
  return fresh.length === 0 ? base : base.withFile(SETTINGS_FILE, settingsParameters(fresh));
}

/**
 * Confirms (or changes) a state's appeal window: refused outside the EU range of APR Art. 67(7) on its date,
 * before the APR applies, or for a state that is not a member state. Audited in the same transaction.
 */
export async function confirmAppealWindow(
  db: Db,
  law: ParameterRegistry,
  input: Omit<AppealWindowSetting, 'confirmedBy' | 'confirmedAt'>,
  now: Date,
  actor: string,
): Promise<AppealWindowSetting> {
  if (!Object.hasOwn(MEMBER_STATES, input.state))
    throw new SettingInputError('state', `${input.state} is not a member state`);
  const setting: AppealWindowSetting = { ...input, confirmedBy: actor, confirmedAt: now.toISOString() };
  const name = nameOf(input.state, input.window);
  if (law.find(name)) {
    throw new SettingInputError(
      'window',
      `${name} is shipped with the law (law/national/appeal-windows.ts): it is not a setting`,
    );
  }
  try {
    // the registry's own check: a national choice must lie inside its EU range on each of its dates
    law.withFile(SETTINGS_FILE, settingsParameters([setting]));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new SettingInputError(
      'amount',
      `${input.amount} ${input.unit} from ${input.since} is not a valid ${input.window} (APR Art. 67(7)${input.window === 'window-fast-track' ? '(a): 5–10 days' : '(b): 2 weeks – 1 month'}): ${why}`,
    );
  }
  await retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await tx.execute(sql`
        insert into national_settings (state, name, since, value, source, confirmed_by, confirmed_at)
        values (${input.state}, ${name}, ${input.since}::date,
                ${JSON.stringify({ amount: input.amount, unit: input.unit })}::jsonb, ${input.source}, ${actor}, ${now})
        on conflict (state, name) do update set since = excluded.since, value = excluded.value,
          source = excluded.source, confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at`);
      await appendAudit(tx, [
        {
          at: now,
          actor,
          action: 'setting.confirmed',
          subject: name,
          data: { since: input.since, amount: input.amount, unit: input.unit, source: input.source },
        },
      ]);
    }),
  );
  return setting;
}
