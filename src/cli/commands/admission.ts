// `pact admission programmes [--state LT] [--format table|json]`: the admission programmes (Regulation (EU)
// 2024/1350) a state takes part in (every one without --state), each with its split among the pledging states,
// their progress, and the state's open decision deadlines (Arts 9, 10). No person is printed: the deadlines
// name the referral's reference only. The CLI runs on the server machine as its operator.
import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { LAW } from '../../law/law.ts';
import { listProgrammes, programmeView } from '../../store/admission.ts';
import type { CliContext } from '../context.ts';
import { formatInt, renderTable } from '../format/table.ts';
import { parseCountry } from '../options.ts';
import { withStore } from '../store-session.ts';

export function admissionCommand(ctx: CliContext): Command {
  const cmd = new Command('admission').description(
    'admission programmes: resettlement and humanitarian admission (Regulation (EU) 2024/1350)',
  );
  cmd
    .command('programmes')
    .description(
      "the programmes with their split among the pledging states, each state's progress and the state's decision deadlines",
    )
    .option('--state <state>', 'a member state: its programmes and its own deadlines', parseCountry)
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json']).default('table'))
    .action(async (opts: { state?: MemberStateCode; format: 'table' | 'json' }) => {
      const who = opts.state ?? 'EU';
      const views = await withStore(ctx, async (_cs, store) => {
        const deps = { db: store.db, law: LAW, uuid: randomUUID };
        const list = await listProgrammes(store.db, who);
        const out = [];
        for (const p of list) out.push(await programmeView(deps, p.id, who, ctx.now()));
        return out.filter((v) => v !== undefined);
      });
      if (opts.format === 'json') {
        ctx.stdout(`${JSON.stringify(views, null, 2)}\n`);
        return;
      }
      if (views.length === 0) {
        ctx.stdout(`no admission programme${opts.state ? ` of ${opts.state}` : ''}\n`);
        return;
      }
      for (const v of views) {
        ctx.stdout(
          `${v.name} (${v.admissionType}, ${v.region}; referred by ${v.referringOrganisation})\n` +
            `Union Plan period ${v.planStart} to ${v.planEnd}; ${formatInt(v.total)} persons split by ${v.splitMethod}\n`,
        );
        ctx.stdout(
          `${renderTable(
            [
              { header: 'state' },
              { header: 'pledged', align: 'right' },
              { header: 'share', align: 'right' },
              { header: 'referred', align: 'right' },
              { header: 'decided', align: 'right' },
              { header: 'refused', align: 'right' },
              { header: 'departed', align: 'right' },
              { header: 'arrived', align: 'right' },
            ],
            v.split.map((s) => {
              const p = v.progress.find((x) => x.state === s.state);
              return [
                s.state,
                formatInt(s.pledged),
                formatInt(s.share),
                formatInt(p?.referred ?? 0),
                formatInt(p?.decided ?? 0),
                formatInt(p?.refused ?? 0),
                formatInt(p?.departed ?? 0),
                formatInt(p?.arrived ?? 0),
              ];
            }),
          )}\n`,
        );
        for (const d of v.deadlines)
          ctx.stdout(
            `  decision due ${d.decisionDueOn}${d.overdue ? ' OVERDUE' : ''}: ${d.referralRef} (${d.procedure}, registered ${d.registeredOn}; ${d.article})\n`,
          );
        ctx.stdout('\n');
      }
    });
  return cmd;
}
