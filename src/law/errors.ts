// Typed errors of the law layer. Each has a stable `code` so that the CLI and (later) the API can turn it
// into one clear line or a problem+json document without parsing messages.

/** What a client needs to word an error in its own language: values, never personal data. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export class PactError extends Error {
  readonly code: string;
  constructor(
    code: string,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A parameter was asked for at a date before its first value: the law did not say anything yet. */
export class ParameterNotInForceError extends PactError {
  constructor(
    readonly parameter: string,
    readonly date: string,
    readonly firstDate: string,
  ) {
    super('parameter-not-in-force', `${parameter} has no value before ${firstDate} (asked for ${date})`, {
      parameter,
      date,
      firstDate,
    });
  }
}

/** A parameter was asked for at a date on or after a value that repealed it. */
export class ParameterRepealedError extends PactError {
  constructor(
    readonly parameter: string,
    readonly date: string,
    readonly repealedOn: string,
  ) {
    super('parameter-repealed', `${parameter} was repealed on ${repealedOn} (asked for ${date})`, {
      parameter,
      date,
      repealedOn,
    });
  }
}

export class UnknownParameterError extends PactError {
  constructor(
    readonly parameter: string,
    readonly suggestions: readonly string[] = [],
  ) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '';
    super('unknown-parameter', `unknown parameter '${parameter}'${hint}`);
  }
}

/** A parameter file does not match the schema, or breaks a rule that spans files. */
export class InvalidLawError extends PactError {
  constructor(readonly problems: readonly string[]) {
    super('invalid-law', `the law files are invalid:\n  ${problems.join('\n  ')}`);
  }
}

/** A value exists but is of another unit than the rule asked for. */
export class ParameterUnitError extends PactError {
  constructor(parameter: string, expected: string, actual: string) {
    super('parameter-unit', `${parameter} is in ${actual}, not ${expected}`);
  }
}
