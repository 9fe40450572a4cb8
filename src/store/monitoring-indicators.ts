// What the monitoring mechanism's indicators report (Screening Regulation (EU) 2024/1356 Art. 10): the query,
// the figures of each indicator with its legal basis, and the cases behind an indicator. monitoring.ts computes
// them in SQL.

export interface MonitoringQuery {
  readonly state: string;
  /** First and last calendar day (YYYY-MM-DD, inclusive) in `timeZone`. */
  readonly from: string;
  readonly to: string;
  /** IANA zone of the state (STATE_TIME_ZONES). */
  readonly timeZone: string;
  /** What "overdue" and "not yet due" are counted from. */
  readonly now: Date;
}

export const LEGAL_BASIS = {
  registrationWithinDeadline:
    'Regulation (EU) 2024/1348 (APR) Art. 27(1): an application is registered within 5 days of its making (Art. 27(7): after the screening has ended); Regulation (EU) 2024/1356 Art. 10(1)(b): the monitoring mechanism monitors access to the asylum procedure',
  refusalsAfterWish:
    'Regulation (EU) 2016/399 (Schengen Borders Code) Art. 14(1) and Art. 3(b): a refusal of entry is without prejudice to the rights of persons seeking international protection; APR Arts 26–27; Regulation (EU) 2024/1356 Art. 10(1)(a)–(b) (non-refoulement, access to the asylum procedure)',
  deadlines:
    'the deadline of each obligation as opened in the case (its article is on the obligation): Regulation (EU) 2024/1356 Art. 8 (screening), APR Arts 27–28, 35, 51 (registration, lodging, decision), Regulation (EU) 2024/1358 (Eurodac); Regulation (EU) 2024/1356 Art. 10',
  detentionsIrregularEntryOnly:
    'CJEU C-72/22 PPU (30 June 2023): an applicant may not be detained for irregular entry or stay alone; Directive (EU) 2024/1346 Art. 10; Regulation (EU) 2024/1356 Art. 10(1)(b) (national rules on detention)',
  useOfForce:
    'Regulation (EU) 2024/1356 Art. 10(1)(a) and Charter of Fundamental Rights Arts 1, 4 (human dignity, prohibition of inhuman or degrading treatment); Regulation (EU) 2016/399 Art. 7 (proportionality of border checks)',
} as const;

export interface MonitoringIndicators {
  readonly state: string;
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  /** The time "overdue" was counted at (ISO 8601, UTC). */
  readonly asOf: string;
  /** Persons whose asylum wish fell in the period, and how their registration went (disjoint counts). */
  readonly registrationWithinDeadline: {
    readonly legalBasis: string;
    readonly asylumWishes: number;
    /**
     * registered in time (or with no deadline recorded): the registration states a time before the due time,
     * was recorded no later than the late-entry tolerance after it, and the deadline's passing had not been
     * recorded (src/domain/entry-rules.ts)
     */
    readonly withinDeadline: number;
    /** registered, but not in time */
    readonly late: number;
    /** not registered: the deadline has passed (due time at or before now, or flagged registration-overdue) */
    readonly notRegisteredOverdue: number;
    /**
     * not registered, the deadline not passed (or not yet running: during screening, APR Art. 27(7)): pending,
     * its outcome not known yet, so in no share
     */
    readonly notRegisteredNotYetDue: number;
    /** the wishes whose outcome is known: withinDeadline + late + notRegisteredOverdue */
    readonly known: number;
    /**
     * withinDeadline / known (null when no outcome is known yet): a deadline that has not passed is neither
     * met nor missed, so the pending wishes are not counted as failures (issue #15)
     */
    readonly share: number | null;
  };
  /** Persons refused entry in the period (identified: with a case), of whom those who had asked for asylum. */
  readonly refusalsAfterWish: {
    readonly legalBasis: string;
    readonly refused: number;
    /** asylum wish at or before the refusal, or recorded with the encounter that refused them */
    readonly afterWish: number;
    /** of afterWish, whose application was registered since */
    readonly laterRegistered: number;
  };
  /** Obligations of the persons met in the period, per kind (disjoint counts). */
  readonly deadlines: {
    readonly legalBasis: string;
    readonly byKind: readonly {
      readonly kind: string;
      /** closed in time: stated before the due time, recorded within the tolerance after it, not recorded missed */
      readonly met: number;
      /** closed, not in time */
      readonly missed: number;
      /** still open at or after the due time (recorded in the log as obligation.missed by the sweep or not) */
      readonly openOverdue: number;
      /** pending: still open, the due time not reached; in no share */
      readonly openNotYetDue: number;
      /** the obligation fell away: neither met nor missed, in no share */
      readonly cancelled: number;
      /** the obligations whose outcome is known: met + missed + openOverdue */
      readonly known: number;
      /** met / known (null when no outcome is known yet) */
      readonly share: number | null;
    }[];
  };
  /** Detentions ordered in the period, of which on irregular entry alone for an applicant. */
  readonly detentionsIrregularEntryOnly: {
    readonly legalBasis: string;
    readonly detentions: number;
    readonly irregularEntryOnly: number;
    /** irregularEntryOnly / detentions (null without detentions) */
    readonly share: number | null;
  };
  /** Encounters in the period, and those where force was used, by the kind of force recorded. */
  readonly useOfForce: {
    readonly legalBasis: string;
    readonly encounters: number;
    readonly withForce: number;
    /** persons in the encounters where force was used (group sizes) */
    readonly persons: number;
    readonly byKind: readonly {
      readonly kind: string;
      readonly encounters: number;
      readonly persons: number;
    }[];
  };
}

export const INDICATORS = [
  'not-registered-overdue',
  'registered-late',
  'refused-after-wish',
  'irregular-entry-detention',
  'deadline-missed',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/**
 * One case behind an indicator: when its event was (the time it states, and when it was recorded), and the
 * obligation's kind and due time where relevant, with the time the closing action states and when it was
 * recorded (a late entry shows here).
 */
export interface IndicatorCase {
  readonly caseId: string;
  /** the event that places it in the period: the wish, the refusal, the detention order, the encounter */
  readonly at: string;
  /** when that event was recorded */
  readonly recordedAt: string | null;
  readonly kind: string | null;
  readonly dueAt: string | null;
  /** registered-late and deadline-missed: the closing action's stated time and recording time (null if open) */
  readonly closedAt: string | null;
  readonly closedRecordedAt: string | null;
}
