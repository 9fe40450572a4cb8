// The registry of legal parameters: validates every law file, then answers "what was the value of this
// parameter on that date, and where does it come from". Pure: the law files are imported, not read.
import { ACTS } from '../../law/acts.ts';
import type { MemberStateCode } from '../../law/member-states.ts';
import {
  type Citation,
  DURATION_UNITS,
  type DurationUnit,
  type IsoDate,
  type ParameterInput,
  Parameter as ParameterSchema,
  type ParameterValue,
  type Period,
  type PeriodRange,
  type Unit,
} from '../../law/schema.ts';
import {
  InvalidLawError,
  ParameterNotInForceError,
  ParameterRepealedError,
  ParameterUnitError,
  UnknownParameterError,
} from './errors.ts';
import { formatPeriod, isWithin } from './period.ts';

export interface DatedValue {
  readonly since: IsoDate;
  readonly value: ParameterValue;
  readonly source: Citation;
}

export interface Parameter {
  readonly name: string;
  readonly description: string;
  readonly unit: Unit;
  readonly values: readonly DatedValue[];
  readonly within?: string;
  /** The law file that declares it, for messages and listings. */
  readonly file: string;
}

/** One parameter value as used by a computation: what goes into every trace. */
export interface UsedParameter {
  readonly name: string;
  readonly unit: Unit;
  readonly value: Exclude<ParameterValue, null>;
  readonly since: IsoDate;
  readonly citation: string;
  readonly status: Citation['status'];
  readonly note?: string;
}

export function formatCitation(c: Citation): string {
  const act = ACTS[c.act].short;
  const numbered = /^\d/.test(c.article);
  let ref = numbered ? `Art. ${c.article}` : c.article;
  if (c.paragraph) ref += `(${c.paragraph})`;
  if (c.point) ref += `(${c.point})`;
  if (c.subparagraph) ref += `, subparagraph ${c.subparagraph}`;
  return numbered ? `${act} ${ref}` : `${act}: ${ref}`;
}

export function formatValue(unit: Unit, value: ParameterValue): string {
  if (value === null) return 'repealed';
  switch (unit) {
    case 'states':
      return (value as readonly string[]).join(', ');
    case 'period-range': {
      const r = value as PeriodRange;
      return `${formatPeriod(r.min)} to ${formatPeriod(r.max)}`;
    }
    case 'EUR':
      return `EUR ${(value as number).toLocaleString('en-GB')}`;
    case 'percent':
      return `${value} %`;
    case 'date':
      return String(value);
    case 'persons':
      return `${(value as number).toLocaleString('en-GB')} persons`;
    case 'years-of-age':
      return `${value} years of age`;
    default:
      return formatPeriod({ amount: value as number, unit: unit as DurationUnit });
  }
}

const isDurationUnit = (u: Unit): u is DurationUnit => (DURATION_UNITS as readonly string[]).includes(u);

export class ParameterRegistry {
  private readonly byName: ReadonlyMap<string, Parameter>;

  private constructor(params: readonly Parameter[]) {
    this.byName = new Map(params.map((p) => [p.name, p]));
  }

  /** Validates every file (schema, unique names, national choices inside their EU ranges) or throws InvalidLawError listing every problem. */
  static fromFiles(files: Readonly<Record<string, readonly ParameterInput[]>>): ParameterRegistry {
    const problems: string[] = [];
    const params: Parameter[] = [];
    const seen = new Map<string, string>();
    for (const [file, inputs] of Object.entries(files)) {
      inputs.forEach((input, i) => {
        const r = ParameterSchema.safeParse(input);
        const label = `${file} [${i}] ${typeof input?.name === 'string' ? input.name : '(no name)'}`;
        if (!r.success) {
          for (const issue of r.error.issues)
            problems.push(`${label}: ${issue.path.join('.')}: ${issue.message}`);
          return;
        }
        const other = seen.get(r.data.name);
        if (other) {
          problems.push(`${label}: the name is already declared in ${other}`);
          return;
        }
        seen.set(r.data.name, file);
        params.push({ ...(r.data as Omit<Parameter, 'file'>), file });
      });
    }
    const registry = new ParameterRegistry(params);
    for (const p of params) if (p.within !== undefined) problems.push(...registry.checkWithin(p));
    if (problems.length > 0) throw new InvalidLawError(problems);
    return registry;
  }

  /**
   * This registry with one more file of parameters (issue 17: the national values an administrator confirmed,
   * src/store/national-settings.ts), validated as every file is; a name already declared is an error.
   */
  withFile(file: string, inputs: readonly ParameterInput[]): ParameterRegistry {
    const files: Record<string, ParameterInput[]> = {};
    for (const { file: f, ...p } of this.byName.values()) {
      files[f] = files[f] ?? [];
      files[f].push(p as ParameterInput);
    }
    return ParameterRegistry.fromFiles({ ...files, [file]: inputs });
  }

  /** A national choice must be a period that lies inside the EU range in force on each of its dates. */
  private checkWithin(p: Parameter): string[] {
    const label = `${p.file} ${p.name}`;
    const range = this.find(p.within ?? '');
    if (!range) return [`${label}: 'within' names unknown parameter ${p.within}`];
    if (range.unit !== 'period-range')
      return [`${label}: 'within' must name a period-range, ${range.name} is in ${range.unit}`];
    if (!isDurationUnit(p.unit))
      return [`${label}: a national choice inside a range must be a period, not ${p.unit}`];
    const problems: string[] = [];
    for (const v of p.values) {
      if (v.value === null) continue;
      const choice: Period = { amount: v.value as number, unit: p.unit };
      let allowed: PeriodRange;
      try {
        allowed = this.rangeAt(range.name, v.since);
      } catch (e) {
        problems.push(`${label}: value since ${v.since}: ${(e as Error).message}`);
        continue;
      }
      if (!isWithin(choice, allowed)) {
        problems.push(
          `${label}: ${formatPeriod(choice)} (since ${v.since}) is outside ${formatValue('period-range', allowed)} (${range.name})`,
        );
      }
    }
    return problems;
  }

  all(): readonly Parameter[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  find(name: string): Parameter | undefined {
    return this.byName.get(name);
  }

  get(name: string): Parameter {
    const p = this.byName.get(name);
    if (!p) throw new UnknownParameterError(name, this.suggest(name));
    return p;
  }

  /** Parameters whose name starts with `prefix` followed by a dot (or equals it). */
  withPrefix(prefix: string): readonly Parameter[] {
    return this.all().filter((p) => p.name === prefix || p.name.startsWith(`${prefix}.`));
  }

  private suggest(name: string): string[] {
    const q = name.toLowerCase();
    const last = q.split('.').pop() ?? q;
    return this.all()
      .map((p) => p.name)
      .filter((n) => n.includes(q) || (last.length > 2 && n.includes(last)))
      .slice(0, 3);
  }

  /** The dated value in force at `date` (a calendar date, YYYY-MM-DD). Before the first date: ParameterNotInForceError. */
  entryAt(name: string, date: IsoDate): DatedValue {
    const p = this.get(name);
    let current: DatedValue | undefined;
    for (const v of p.values) {
      if (v.since <= date) current = v;
      else break;
    }
    const first = p.values[0];
    if (!current || !first) throw new ParameterNotInForceError(name, date, first?.since ?? '(none)');
    if (current.value === null) throw new ParameterRepealedError(name, date, current.since);
    return current;
  }

  /** The value at `date` with everything a trace needs. */
  usedAt(name: string, date: IsoDate): UsedParameter {
    const p = this.get(name);
    const e = this.entryAt(name, date);
    return {
      name,
      unit: p.unit,
      value: e.value as Exclude<ParameterValue, null>,
      since: e.since,
      citation: formatCitation(e.source),
      status: e.source.status,
      ...(e.source.note ? { note: e.source.note } : {}),
    };
  }

  private typed(name: string, date: IsoDate, units: readonly Unit[]): UsedParameter {
    const used = this.usedAt(name, date);
    if (!units.includes(used.unit)) throw new ParameterUnitError(name, units.join(' or '), used.unit);
    return used;
  }

  numberAt(name: string, date: IsoDate, unit: 'persons' | 'EUR' | 'percent' | 'years-of-age'): number {
    return this.typed(name, date, [unit]).value as number;
  }

  periodAt(name: string, date: IsoDate): Period {
    const used = this.typed(name, date, DURATION_UNITS);
    return { amount: used.value as number, unit: used.unit as DurationUnit };
  }

  statesAt(name: string, date: IsoDate): readonly MemberStateCode[] {
    return this.typed(name, date, ['states']).value as readonly MemberStateCode[];
  }

  rangeAt(name: string, date: IsoDate): PeriodRange {
    return this.typed(name, date, ['period-range']).value as PeriodRange;
  }
}
