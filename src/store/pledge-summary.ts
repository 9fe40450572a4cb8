// Printing the pledge summary of a member state's solidarity year (issue 18; AMMR Arts 56–64): the year's
// report as the solidarity screens read it (solidarity-report.ts), the state's payments, drawn as PDF by the
// documents' renderer — and an audit entry `document.printed` saying who printed which summary, with the
// SHA-256 of the bytes. Not a case's document: nothing is recorded on a case and no bytes are kept.
import type { MemberStateCode } from '../../law/member-states.ts';
import { sha256Hex } from '../documents/compose.ts';
import { renderPdf } from '../documents/pdf.ts';
import { pledgeSummaryModel } from '../documents/pledge-summary.ts';
import { templateOf } from '../documents/templates.ts';
import type { AUTHORITY_LANGUAGES } from '../domain/documents/kinds.ts';
import { STATE_TIME_ZONES } from '../law/calendar/time-zones.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { unionDate } from '../law/union-date.ts';
import type { Db } from './database.ts';
import { listPayments, write } from './solidarity.ts';
import { solidarityReport } from './solidarity-report.ts';

export type SummaryLanguage = (typeof AUTHORITY_LANGUAGES)[number];

export class NoFairShare extends Error {}

export interface PrintedSummary {
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly fileName: string;
}

/** The PDF of `state`'s pledge summary for `year`, in `language`; the print is entered in the audit log. */
export async function printPledgeSummary(
  db: Db,
  law: ParameterRegistry,
  req: { year: number; state: MemberStateCode; language: SummaryLanguage },
  by: { actor: string; role: string },
  now: Date,
): Promise<PrintedSummary> {
  const report = await solidarityReport(db, law, req.year, unionDate(now));
  const balance = report.balances.states.find((s) => s.state === req.state);
  if (!balance)
    throw new NoFairShare(`${req.state} has no fair share in ${req.year} (not bound by the AMMR)`);
  const template = templateOf('pledge-summary', req.language);
  if (!template) throw new Error(`no pledge-summary template in ${req.language}`);
  const payments = await listPayments(db, req.year, req.state);
  const pledge = report.pledges.find((p) => p.state === req.state);
  const model = pledgeSummaryModel({
    template,
    year: req.year,
    state: req.state,
    cycle: report.cycle,
    ...(pledge ? { pledge } : {}),
    balance,
    deductions: report.deductions.filter((d) => d.state === req.state),
    offsets: report.offsets,
    payments,
    printedAt: now.toISOString(),
    zone: STATE_TIME_ZONES[req.state] ?? 'UTC',
    printedBy: by.actor,
  });
  const bytes = await renderPdf([model]);
  const sha256 = sha256Hex(bytes);
  // the audit entry alone, in its own transaction (retried if another writer took the chain's place)
  await write(
    db,
    [
      {
        at: now,
        actor: by.actor,
        action: 'document.printed',
        subject: `pledge-summary/${req.year}/${req.state}`,
        data: {
          document: 'pledge-summary',
          language: req.language,
          role: by.role,
          sha256,
          size: bytes.length,
        },
      },
    ],
    async () => {},
  );
  return { bytes, sha256, fileName: `pledge-summary-${req.year}-${req.state}-${req.language}.pdf` };
}
