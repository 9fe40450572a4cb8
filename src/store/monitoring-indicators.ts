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
  // issue 17: the person's guarantees (src/store/monitoring-guarantees.ts)
  representativesLate:
    'Regulation (EU) 2024/1348 (APR) Art. 23(2): a representative for an unaccompanied minor within 15 working days of the application made (REPORTED); Regulation (EU) 2024/1356 Art. 10(1)(b)',
  minorsDetained:
    'Directive (EU) 2024/1346 (Reception Conditions) on the detention of minors: only as a measure of last resort, never an unaccompanied minor on irregular entry alone; Regulation (EU) 2024/1356 Art. 10(1)(b)',
  decisionsWithoutInterview:
    'APR Arts 12–14: a personal interview before a decision on the merits, omitted only on the grounds of Art. 13 (recorded as interview.omitted)',
  removalsInsideAppealWindow:
    'APR Arts 67(7)–(8) and 68: no removal while the appeal window runs or the person may remain pending the appeal; Pact refuses such a removal, so the count must be zero',
  nationalMeasures:
    "National emergency measures beside Regulation (EU) 2024/1359 (REPORTED): Lithuania's Law on the State Border as amended on 25 April 2023; Poland's Act of 21 February 2025 (Dz.U. 2025 poz. 389) and its regulations (Dz.U. 2025 poz. 390 and extensions); Regulation (EU) 2024/1356 Art. 10(1)(a)–(b) (access to the asylum procedure)",
  // issue 22: returns (src/store/monitoring-returns.ts, src/store/return-events.ts)
  returns:
    'Directive 2008/115/EC (Return Directive) Art. 3(8) and Art. 7(1)–(2) (voluntary departure within the period granted, and its extension), Art. 8(1) (removal when no period was granted or the obligation to return was not complied with within it); Regulation (EC) No 862/2007 Art. 7 as amended by Regulation (EU) 2020/851 (returns by type of return and assistance received); Regulation (EU) 2024/1356 Art. 10',
} as const;

/** issue 22: the monitoring view's return figures, each counted once per case (src/store/return-events.ts). */
export interface ReturnIndicators {
  readonly returns: {
    readonly legalBasis: string;
    /** departures confirmed at a border crossing point (return.departure-confirmed), the case not removed by force */
    readonly voluntaryDeparted: number;
    /** of voluntaryDeparted, with support granted (travel, reintegration in kind or cash) before the departure */
    readonly assisted: number;
    /** forced removals (return.executed), first per case */
    readonly forced: number;
    /** of forced, after the period for voluntary departure had lapsed unconfirmed */
    readonly lapsedTurnedForced: number;
    /** periods for voluntary departure that ended without a confirmed departure */
    readonly lapsed: number;
    /** persons who absconded (person.absconded) */
    readonly absconded: number;
  };
}

/** issue 17: the monitoring indicators of the person's guarantees (src/store/monitoring-guarantees.ts). */
export interface GuaranteeIndicators {
  /** Representative obligations of the unaccompanied minors met in the period (disjoint counts). */
  readonly representativesLate: {
    readonly legalBasis: string;
    readonly obligations: number;
    /** appointed before the due time (and recorded in time) */
    readonly inTime: number;
    /** appointed, but after the due time */
    readonly late: number;
    /** not appointed and the due time passed (or the passing recorded) */
    readonly notAppointedOverdue: number;
    /** not appointed, the due time not reached: pending */
    readonly pending: number;
    /** the obligation fell away (the case ended otherwise) */
    readonly cancelled: number;
  };
  /** Detention orders of the period for persons recorded as minors. */
  readonly minorsDetained: {
    readonly legalBasis: string;
    readonly detentions: number;
    readonly minors: number;
    readonly unaccompanied: number;
  };
  /** Decisions on the merits of the period (refugee status, subsidiary protection, unfounded, manifestly unfounded). */
  readonly decisionsWithoutInterview: {
    readonly legalBasis: string;
    readonly decisions: number;
    /** no interview.recorded and no interview.omitted before the decision */
    readonly withoutInterview: number;
    /** no interview.recorded, but its omission recorded with a ground */
    readonly interviewOmitted: number;
  };
  /** Removals (return.executed) of the period, of which inside an appeal window or while a request to remain was pending. */
  readonly removalsInsideAppealWindow: {
    readonly legalBasis: string;
    readonly removals: number;
    readonly insideWindow: number;
    /** always 0: Pact refuses such a removal; any other count is a fault to report */
    readonly expected: 0;
  };
  /** Refusals of entry under national emergency measures, and asylum wishes met by one, by measure and month. */
  readonly nationalMeasures: {
    readonly legalBasis: string;
    readonly refusals: number;
    readonly asylumWishesMet: number;
    readonly byMeasureMonth: readonly {
      readonly measure: string;
      /** YYYY-MM in the state's zone */
      readonly month: string;
      readonly refusals: number;
      /** refusals of persons who had expressed an asylum wish by then */
      readonly asylumWishesMet: number;
    }[];
  };
}

export interface MonitoringIndicators extends GuaranteeIndicators, ReturnIndicators {
  /**
   * issue 21: true when read from the roll-up while another connection was bringing it up to date (the figures
   * may miss the latest records); absent otherwise
   */
  readonly stale?: true;
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

/** The guarantees' indicators with nothing counted (a period with no such events; tests of the report). */
export const NO_GUARANTEE_INDICATORS: GuaranteeIndicators = {
  representativesLate: {
    legalBasis: LEGAL_BASIS.representativesLate,
    obligations: 0,
    inTime: 0,
    late: 0,
    notAppointedOverdue: 0,
    pending: 0,
    cancelled: 0,
  },
  minorsDetained: { legalBasis: LEGAL_BASIS.minorsDetained, detentions: 0, minors: 0, unaccompanied: 0 },
  decisionsWithoutInterview: {
    legalBasis: LEGAL_BASIS.decisionsWithoutInterview,
    decisions: 0,
    withoutInterview: 0,
    interviewOmitted: 0,
  },
  removalsInsideAppealWindow: {
    legalBasis: LEGAL_BASIS.removalsInsideAppealWindow,
    removals: 0,
    insideWindow: 0,
    expected: 0,
  },
  nationalMeasures: {
    legalBasis: LEGAL_BASIS.nationalMeasures,
    refusals: 0,
    asylumWishesMet: 0,
    byMeasureMonth: [],
  },
};

/** issue 22: the return figures with nothing counted (tests of the report). */
export const NO_RETURN_INDICATORS: ReturnIndicators = {
  returns: {
    legalBasis: LEGAL_BASIS.returns,
    voluntaryDeparted: 0,
    assisted: 0,
    forced: 0,
    lapsedTurnedForced: 0,
    lapsed: 0,
    absconded: 0,
  },
};
