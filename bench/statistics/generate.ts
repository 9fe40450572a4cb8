import { ACTIONS, NOW, T0, T1 } from './options.ts';
import {
  arr,
  days,
  type Exec,
  hours,
  KINDS,
  LT_POINTS,
  LT_SECTIONS,
  NATIONALITIES,
  PLACES_SQL,
  PLAN_COLUMNS,
  SCREENED,
  STEPS,
} from './plan.ts';

export function chunkSql(lo: number, hi: number, total: number): string {
  const span = `(timestamptz '${T1}' - timestamptz '${T0}')`;
  const placeExpr = `case
      when st = 'PL' then case when kind in ('${KINDS[1]}', '${KINDS[2]}') then 'PL-CP-TERESPOL' else 'PL-BY-1' end
      when kind in ('${KINDS[1]}', '${KINDS[2]}') then (${arr(LT_POINTS)})[1 + floor(up * 4)::int]
      when kind = '${KINDS[5]}' then 'LT-ST-VILNIUS'
      when kind = '${KINDS[3]}' then null
      else (${arr(LT_SECTIONS)})[1 + floor(up * 5)::int] end`;
  const u = Array.from({ length: 20 }, (_, i) => `random() as u${i + 1}`).join(', ');
  const nullFuture = (c: string) => `case when ${c} <= timestamptz '${NOW}' then ${c} end`;
  const futureCols = [
    'wish_at',
    't_check1',
    't_check2',
    't_eurodac',
    't_wish',
    't_det_ord',
    't_det_rev',
    't_refused',
    't_screen_done',
    'reg_start',
    't_reg',
    't_absc',
    't_lodged',
    't_interview',
    't_decision',
    't_appeal',
    't_appeal_dec',
    't_ret_dec',
    't_det_end',
    't_ret_exec',
    't_closed',
  ];
  return `with g as (
      select g, case when g % 50 = 7 then 'PL' else 'LT' end as st,
        timestamptz '${T0}' + (g + random()) * ${span} / ${total} as occ,
        random() as uk, random() as up, random() as uf, random() as ug, random() as uu, random() as un
      from generate_series(${lo}, ${hi - 1}) g
    ), k as (
      select g.*, case when uk < 0.52 then '${KINDS[0]}' when uk < 0.80 then '${KINDS[1]}'
          when uk < 0.88 then '${KINDS[2]}' when uk < 0.975 then '${KINDS[5]}'
          when uk < 0.995 then '${KINDS[3]}' else '${KINDS[4]}' end as kind
      from g
    ), e as (
      insert into encounters (id, state, ref, place_id, occurred_at, kind, group_size, unidentified, force_used,
        force_kind, force_reason, recorded_by, created_at)
      select gen_random_uuid(), st, 'B-' || g, place, occ, kind, ident + unid, unid, force,
        case when force and uf < 0.025 then (${arr(['physical', 'handcuffs', 'irritant-spray', 'firearm-drawn'])})[1 + floor(uf * 160)::int] end,
        case when force then 'resistance to apprehension' end, 'bench', occ + interval '20 minutes'
      from (select k.*, 1 + floor(ug * 4)::int as ident,
          case when kind = '${KINDS[1]}' then floor(uu * 6)::int else 0 end as unid,
          uf < 0.03 as force, case when un < 0.04 then null else ${placeExpr} end as place
        from k) x
      returning id, state, kind, occurred_at, place_id, group_size, unidentified
    ), n as (
      insert into encounter_nationalities (encounter_id, nationality, persons)
      select id, (${arr(['IQ', 'SY', 'AF', 'IN'])})[1 + (hashtext(id::text) & 3)], ceil(unidentified * 0.6)::int
      from e where unidentified > 1
      returning 1
    )
    insert into bench_plan (${PLAN_COLUMNS.map(([c]) => c).join(', ')})
    select r.case_id, r.encounter_id, r.state, r.kind, r.occ, r.nationality, r.sex,
      case when r.minor then 2009 + floor(r.u20 * 12)::int else 1960 + floor(r.u20 * 47)::int end,
      r.minor, a.screened, f.wish_at, b.wish_in_enc, b.det_grounds, d.decision, e2.rejected,
      ${futureCols
        .slice(1, 9)
        .map((c) => `f.${c}`)
        .join(', ')}, f.reg_start, f.t_reg,
      case when f.reg_start is not null and f.t_reg is null and f.reg_start + interval '5 days 1 hour' <= timestamptz '${NOW}'
        then f.reg_start + interval '5 days 1 hour' end,
      ${futureCols
        .slice(11)
        .map((c) => `f.${c}`)
        .join(', ')},
      case
        when f.t_closed is not null or f.t_ret_exec is not null then 'closed'
        when f.t_absc is not null then 'absconded'
        when f.t_ret_dec is not null then 'in-return'
        when f.t_appeal is not null and f.t_appeal_dec is null then 'appealed'
        when f.t_decision is not null then case when e2.rejected then 'decided-rejection' else 'decided-protection' end
        when f.t_lodged is not null then 'lodged'
        when f.t_reg is not null then 'registered'
        when f.t_refused is not null or r.kind = '${KINDS[1]}' then 'refused-entry'
        when a.screened and f.t_screen_done is null then 'in-screening'
        when f.wish_at is not null then 'asylum-requested'
        else 'encountered' end,
      array_remove(array[
        case when f.wish_at is not null and f.t_reg is null then 'asylum-wish-not-registered' end,
        case when f.reg_start is not null and f.t_reg is null and f.reg_start + interval '5 days' <= timestamptz '${NOW}'
          then 'registration-overdue' end,
        case when a.screened and f.t_screen_done is null and f.t_refused is null
          and r.occ + interval '7 days' <= timestamptz '${NOW}' then 'screening-overdue' end,
        case when r.minor then 'minor' end,
        case when f.t_det_ord is not null and f.t_det_end is null then 'detained' end,
        case when f.t_det_ord is not null and f.t_det_end is null and f.wish_at is not null
          and b.det_grounds <@ array['irregular-entry'] then 'detention-irregular-entry-only' end
      ]::text[], null)
    from (
      select gen_random_uuid() as case_id, e.id as encounter_id, e.state, e.kind, e.occurred_at as occ,
        case when random() < 0.02 then null else (${arr(NATIONALITIES)})[1 + floor(random() * ${NATIONALITIES.length})::int] end as nationality,
        case when random() < 0.7 then 'male' else 'female' end as sex, random() < 0.08 as minor, ${u}
      from e cross join lateral generate_series(1, e.group_size - e.unidentified) gs
      offset 0
    ) r
    cross join lateral (select r.kind in ${SCREENED} as screened,
        case when r.kind in ('${KINDS[2]}', '${KINDS[3]}') then true when r.kind in ${SCREENED} then r.u1 < 0.8
          when r.kind = '${KINDS[1]}' then r.u1 < 0.3 else true end as has_wish offset 0) a
    cross join lateral (select a.has_wish and (not a.screened or r.u2 < 0.3) as wish_in_enc,
        case when a.has_wish then case when not a.screened or r.u2 < 0.3 then r.occ else r.occ + ${hours('r.u2 * 48')} end end as wish_at,
        a.screened and case when a.has_wish then r.u11 < 0.03 else r.u9 < 0.5 end as refused_scr,
        case when a.screened then r.occ + ${hours('1 + 2 * r.u3')} end as t_check1,
        case when r.kind = '${KINDS[0]}' and r.u4 < 0.97 then r.occ + ${hours('2 + 90 * r.u4 * r.u4')} end as t_eurodac,
        a.screened and r.u5 < 0.15 as detained,
        case when r.u6 < 0.35 then array['irregular-entry'] when r.u6 < 0.55 then array['irregular-entry', 'risk-of-absconding']
          when r.u6 < 0.8 then array['identity'] else array['border-procedure'] end as det_grounds offset 0) b
    cross join lateral (select b.t_check1 + interval '2 hours' as t_check2,
        case when b.detained then r.occ + interval '12 hours' end as t_det_ord,
        case when b.detained and r.u7 > 0.05 then r.occ + interval '12 hours 13 days' end as t_det_rev,
        case when b.detained and r.u7 < 0.85 then r.occ + interval '12 hours' + ${days('10 + 80 * r.u7')} end as t_det_end,
        case when b.refused_scr then b.t_check1 + interval '3 hours' + ${days('2 * r.u8')} end as t_refused,
        case when a.screened and not b.refused_scr and r.u8 < 0.97
          then greatest(r.occ + ${days('1 + 9 * r.u8 * r.u8')}, b.wish_at + interval '1 hour') end as t_screen_done offset 0) c
    cross join lateral (select
        case when b.refused_scr then case when a.has_wish then c.t_refused end
          when a.screened then case when a.has_wish then c.t_screen_done end else b.wish_at end as reg_start,
        case when r.kind = '${KINDS[1]}' or b.refused_scr then r.u12 < 0.7 else r.u12 < 0.96 end as reg_ok,
        case when a.screened and not a.has_wish and not b.refused_scr then c.t_screen_done + interval '3 days' end as t_ret_noasy,
        case when r.u17 < 0.2 then 'refugee-status' when r.u17 < 0.3 then 'subsidiary-protection'
          when r.u17 < 0.4 then 'inadmissible' when r.u17 < 0.75 then 'unfounded'
          when r.u17 < 0.95 then 'manifestly-unfounded' else 'implicitly-withdrawn' end as decision offset 0) d
    cross join lateral (select d.decision not in ('refugee-status', 'subsidiary-protection') as rejected,
        case when d.reg_ok then d.reg_start + ${days('0.1 + 10 * r.u10 * r.u10 * r.u10')} end as t_reg offset 0) d2
    cross join lateral (select d2.rejected,
        case when r.u14 < 0.93 then d2.t_reg + ${days('5 + 20 * r.u13 * r.u13')} end as t_lodged,
        case when r.u14 >= 0.97 then d2.t_reg + ${days('3 + 10 * r.u13')} end as t_absc offset 0) e2
    cross join lateral (select e2.t_lodged + ${days('10 + 50 * r.u15')} as t_interview,
        e2.t_lodged + ${days('15 + 50 * r.u15 + 60 * r.u16 + case when r.u16 > 0.9 then 120 else 0 end')} as t_decision offset 0) e3
    cross join lateral (select case when e2.rejected and r.u18 < 0.5 then e3.t_decision + interval '7 days' end as t_appeal offset 0) e4
    cross join lateral (select e4.t_appeal + ${days('60 + 60 * r.u18')} as t_appeal_dec offset 0) e5
    cross join lateral (select coalesce(d.t_ret_noasy, case when e2.rejected then coalesce(e5.t_appeal_dec, e3.t_decision)
        + interval '10 days' end) as t_ret_dec offset 0) e6
    cross join lateral (select case when r.u19 < 0.6 then e6.t_ret_dec + ${days('10 + 60 * r.u19')} end as t_ret_exec offset 0) e7
    cross join lateral (select case when e7.t_ret_exec is not null then e7.t_ret_exec + interval '1 day'
        when not e2.rejected and r.u18 < 0.5 then e3.t_decision + interval '30 days' end as t_closed offset 0) e8
    cross join lateral (select
        ${[
          'b.wish_at',
          'b.t_check1',
          'c.t_check2',
          'b.t_eurodac',
          'case when not b.wish_in_enc then b.wish_at end',
          'c.t_det_ord',
          'c.t_det_rev',
          'c.t_refused',
          'c.t_screen_done',
          'd.reg_start',
          'd2.t_reg',
          'e2.t_absc',
          'e2.t_lodged',
          'e3.t_interview',
          'e3.t_decision',
          'e4.t_appeal',
          'e5.t_appeal_dec',
          'e6.t_ret_dec',
          'c.t_det_end',
          'e7.t_ret_exec',
          'e8.t_closed',
        ]
          .map((x, i) => `${nullFuture(`(${x})`)} as ${futureCols[i]}`)
          .join(',\n        ')}
      offset 0) f`;
}

/** The number of actions of a case (its version). */
export const VERSION = `(${STEPS.map(([c]) => `(p.${c} is not null)::int`).join(' + ')})`;

export const CASES_SQL = `insert into cases (id, state, encounter_id, status, flags, version, nationality, sex, birth_year,
    minor, unaccompanied, vulnerabilities, asylum_wish_at, procedure, crisis_id, data, created_at, updated_at)
  select p.case_id, p.state, p.encounter_id, p.status, p.flags, ${VERSION}, p.nationality, p.sex, p.birth_year,
    p.minor, false, '{}', p.wish_at,
    case when p.t_reg is not null then case when p.kind = '${KINDS[0]}' then 'border' else 'regular' end end, null,
    jsonb_build_object('status', p.status, 'flags', to_jsonb(p.flags), 'version', ${VERSION},
      'encounterKind', p.kind, 'occurredAt', p.occ, 'asylumWishAt', p.wish_at,
      'person', jsonb_build_object('nationality', p.nationality, 'sex', p.sex, 'birthYear', p.birth_year,
        'minor', p.minor, 'unaccompanied', false, 'vulnerabilities', '[]'::jsonb)),
    p.occ + interval '20 minutes',
    greatest(p.occ, ${STEPS.map(([c]) => `p.${c}`).join(', ')}) + interval '1 minute'
  from bench_plan p order by p.occ`;

export function actionsSql(): string {
  const seq = (i: number) =>
    STEPS.slice(0, i + 1)
      .map(([c]) => `(p.${c} is not null)::int`)
      .join(' + ');
  const values = STEPS.map(
    ([c, type, role, basis, payload], i) =>
      `(${seq(i)}, p.${c}, '${type}', '${role}', '${basis.replaceAll("'", "''")}', ${payload})`,
  ).join(',\n      ');
  return `insert into case_actions (case_id, seq, type, at, actor, role, state, legal_basis, payload, recorded_at)
    select p.case_id, v.seq, v.type, v.at, 'bench-' || v.role, v.role, p.state, v.basis, v.payload,
      v.at + interval '2 minutes'
    from bench_plan p cross join lateral (values
      ${values}) v (seq, at, type, role, basis, payload)
    where v.at is not null
    order by v.at`;
}

export const OBLIGATIONS_SQL = `insert into obligations (case_id, state, kind, due_at, article, status, opened_at, closed_at,
    missed_recorded_at)
  select p.case_id, p.state, v.kind, v.due, v.article,
    case when v.closed is not null then case when v.closed < v.due then 'met' else 'missed' end
      when v.cancelled is not null then 'cancelled' else 'open' end,
    v.opened, coalesce(v.closed, v.cancelled),
    case when v.closed is null and v.cancelled is null and v.due + interval '1 hour' <= timestamptz '${NOW}'
      then v.due + interval '1 hour' end
  from bench_plan p cross join lateral (values
    ('screening', case when p.screened then p.occ end,
      p.occ + case when p.kind = '${KINDS[5]}' then interval '3 days' else interval '7 days' end,
      p.t_screen_done, p.t_refused, 'Regulation (EU) 2024/1356 Art. 8(3)'),
    ('eurodac', case when p.kind = '${KINDS[0]}' then p.occ end, p.occ + interval '72 hours', p.t_eurodac,
      null::timestamptz, 'Regulation (EU) 2024/1358 Art. 22(2)'),
    ('registration', p.reg_start, p.reg_start + interval '5 days', p.t_reg, null, 'Regulation (EU) 2024/1348 Art. 27(1)'),
    ('lodging', p.t_reg, p.t_reg + interval '21 days', p.t_lodged, p.t_absc, 'Regulation (EU) 2024/1348 Art. 28(1)'),
    ('decision', p.t_lodged, p.t_lodged + interval '6 months', p.t_decision, null, 'Regulation (EU) 2024/1348 Art. 35(3)'),
    ('detention-review', p.t_det_ord, p.t_det_ord + interval '14 days', p.t_det_rev, p.t_det_end,
      'Directive (EU) 2024/1346 Art. 11')
  ) v (kind, opened, due, closed, cancelled, article)
  where v.opened is not null
  order by v.opened`;

export const LOADED = ['encounters', 'encounter_nationalities', 'cases', 'case_actions', 'obligations'];

export async function generate(exec: Exec, backend: 'postgres' | 'pglite'): Promise<void> {
  const t0 = performance.now();
  await exec(`set work_mem = '${backend === 'postgres' ? '256MB' : '64MB'}'`);
  await exec(`set maintenance_work_mem = '${backend === 'postgres' ? '512MB' : '128MB'}'`);
  if (backend === 'postgres') await exec('set synchronous_commit = off');
  await exec(PLACES_SQL);
  await exec('drop table if exists bench_plan');
  await exec(`create unlogged table bench_plan (${PLAN_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`);
  // the secondary indexes and case_actions' primary key, to rebuild after the load from their own definitions
  const indexes = (await exec(`select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename in (${LOADED.map((t) => `'${t}'`).join(', ')})
        and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`)) as {
    name: string;
    def: string;
  }[];
  const pk = (await exec(`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = 'case_actions'::regclass and contype = 'p'`)) as { name: string; def: string }[];
  for (const i of indexes) await exec(`drop index ${i.name}`);
  for (const k of pk) await exec(`alter table case_actions drop constraint ${k.name}`);
  await exec('set session_replication_role = replica'); // no foreign-key triggers during the load

  const load = async (encounters: number, step: number, progress: boolean) => {
    const totals = { plan: 0, chunks: 0 };
    for (let lo = 0; lo < encounters; lo += step) {
      const hi = Math.min(encounters, lo + step);
      await exec(chunkSql(lo, hi, encounters));
      await exec(CASES_SQL);
      await exec(actionsSql());
      await exec(OBLIGATIONS_SQL);
      await exec('truncate bench_plan');
      totals.chunks++;
      if (progress) {
        const s = (performance.now() - t0) / 1000;
        process.stdout.write(`\r  generated ${hi}/${encounters} encounters (${s.toFixed(0)} s)   `);
      }
    }
    if (progress) process.stdout.write('\n');
  };
  const count = async (t: string) =>
    Number(((await exec(`select count(*) as n from ${t}`))[0] as { n: number | string }).n);

  // calibration: 2 % of the encounters over the whole timeline, to learn the actions per encounter
  const sample = Math.max(2000, Math.round(ACTIONS / 1000));
  await load(sample, 50_000, false);
  const perEncounter = (await count('case_actions')) / sample;
  await exec(`truncate ${LOADED.join(', ')} cascade`);
  const encounters = Math.round(ACTIONS / perEncounter);
  const tc = performance.now();
  console.log(
    `calibration: ${perEncounter.toFixed(2)} actions per encounter on a sample of ${sample} (${((tc - t0) / 1000).toFixed(1)} s) → ${encounters} encounters`,
  );
  // chunks of about 500,000 actions, in time order
  await load(encounters, Math.max(1000, Math.round(500_000 / perEncounter)), true);
  const tl = performance.now();
  await exec('set session_replication_role = origin');
  await exec('drop table bench_plan');
  for (const k of pk) await exec(`alter table case_actions add constraint ${k.name} ${k.def}`);
  for (const i of indexes) await exec(i.def);
  const ti = performance.now();
  for (const t of [...LOADED, 'places']) await exec(`vacuum (analyze) ${t}`);
  const tv = performance.now();
  await exec(
    `create table if not exists bench_meta (actions bigint not null, generated_at timestamptz not null, seconds numeric)`,
  );
  await exec(`insert into bench_meta values (${ACTIONS}, now(), ${((tv - t0) / 1000).toFixed(1)})`);
  console.log(
    `generation: ${((tv - t0) / 1000).toFixed(1)} s in all — calibration ${((tc - t0) / 1000).toFixed(1)} s, ` +
      `load ${((tl - tc) / 1000).toFixed(1)} s, indexes rebuilt ${((ti - tl) / 1000).toFixed(1)} s, vacuum analyze ${((tv - ti) / 1000).toFixed(1)} s`,
  );
}

export async function describeData(exec: Exec): Promise<void> {
  const rows = (await exec(`select t, n, pg_size_pretty(pg_total_relation_size(t::regclass)) as size from (
      select 'encounters' as t, count(*) as n from encounters union all
      select 'encounter_nationalities', count(*) from encounter_nationalities union all
      select 'cases', count(*) from cases union all
      select 'case_actions', count(*) from case_actions union all
      select 'obligations', count(*) from obligations) s`)) as { t: string; n: number; size: string }[];
  console.log(
    `data: ${rows.map((r) => `${r.t} ${Number(r.n).toLocaleString('en')} (${r.size})`).join(', ')}`,
  );
  const year = (await exec(`select type, count(*) as n from case_actions
      where state = 'LT' and at >= timestamptz '2025-01-01T00:00:00+02:00' and at < timestamptz '2026-01-01T00:00:00+02:00'
      group by type order by count(*) desc`)) as { type: string; n: number }[];
  console.log(
    `LT actions in 2025: ${year.map((r) => `${r.type} ${Number(r.n).toLocaleString('en')}`).join(', ')}`,
  );
  const flags = (await exec(`select f, count(*) as n from cases, unnest(flags) f where state = 'LT'
      group by f order by count(*) desc`)) as { f: string; n: number }[];
  const statuses = (await exec(`select status, count(*) as n from cases where state = 'LT'
      group by status order by count(*) desc`)) as { status: string; n: number }[];
  const obl = (await exec(`select kind || ':' || status as k, count(*) as n from obligations
      where state = 'LT' group by 1 order by 1`)) as { k: string; n: number }[];
  console.log(`LT case statuses: ${statuses.map((r) => `${r.status} ${r.n}`).join(', ')}`);
  console.log(`LT case flags: ${flags.map((r) => `${r.f} ${r.n}`).join(', ')}`);
  console.log(`LT obligations: ${obl.map((r) => `${r.k} ${r.n}`).join(', ')}`);
}
