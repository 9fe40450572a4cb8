// The closed lists of the Union Resettlement and Humanitarian Admission Framework (Regulation (EU) 2024/1350,
// "URF"), shared by the API, the store and the web application. Each list names the article it comes from;
// docs/admission.md explains them. What could not be read in the text is marked UNCONFIRMED.

/** Art. 2 and Art. 8(3)(a): the three types of admission a Union Plan counts separately. */
export const ADMISSION_TYPES = ['resettlement', 'humanitarian-admission', 'emergency-admission'] as const;
export type AdmissionType = (typeof ADMISSION_TYPES)[number];

/**
 * How a programme's total is shared among its pledging states: in proportion to their pledges, or by the
 * reference key of AMMR Art. 66 (50 % population, 50 % GDP) of those states — both by the largest remainder.
 */
export const SPLIT_METHODS = ['pledges', 'reference-key'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

/** Arts 9 and 10: the ordinary and the expedited admission procedure. */
export const ADMISSION_PROCEDURES = ['ordinary', 'expedited'] as const;
export type AdmissionProcedure = (typeof ADMISSION_PROCEDURES)[number];

/**
 * Art. 5: eligibility. Art. 5(1)(a) a refugee and 5(1)(b) a person at real risk of serious harm (read in the
 * text); Art. 5(3)(a) the vulnerability categories and 5(3)(b) family members — UNCONFIRMED: the categories
 * of Art. 5(3) were not read in the text (only Art. 5(1) was); the list follows the Commission proposal
 * COM(2016) 468 Art. 5 and UNHCR's submission categories, which the final text is reported to keep.
 */
export const ELIGIBILITY_CATEGORIES = [
  // Art. 5(1)(a), (b)
  'refugee',
  'serious-harm',
  // Art. 5(3)(a) (UNCONFIRMED, see above)
  'women-and-girls-at-risk',
  'children-at-risk',
  'survivors-of-violence-or-torture',
  'legal-or-physical-protection-needs',
  'medical-needs-or-disabilities',
  'socio-economic-vulnerability',
  // Art. 5(3)(b) (UNCONFIRMED)
  'family-member',
] as const;
export type EligibilityCategory = (typeof ELIGIBILITY_CATEGORIES)[number];

/** Art. 6(1), points (a)–(f), read in the text: the persons who shall be refused admission. */
export const REFUSAL_GROUNDS = [
  /** (a) recognised by the country of residence as having the rights of its nationals */
  'rights-of-nationals-elsewhere',
  /** (b)(i) a crime against peace, a war crime or a crime against humanity */
  'crime-against-peace-or-humanity',
  /** (b)(ii) a serious crime */
  'serious-crime',
  /** (b)(iii) acts contrary to the purposes and principles of the United Nations */
  'acts-contrary-to-un',
  /** (c) a danger to the community, public policy, security or public health of the state */
  'danger-to-the-state',
  /** (d) an alert in SIS or a national database for refusing entry */
  'entry-ban-alert',
  /** (e) already granted international protection or a national humanitarian status by a member state */
  'already-protected',
  /** (f) refused admission by a member state on ground (c) or (d) during the three years before */
  'refused-in-last-three-years',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/**
 * What the person holds on arrival (Art. 1(1)(a)): international protection (refugee or subsidiary protection)
 * or a humanitarian status under national law with the rights of subsidiary protection; in the expedited
 * procedure an application for international protection examined after arrival (Art. 10; UNCONFIRMED: see
 * docs/admission.md).
 */
export const GRANTED_STATUSES = [
  'refugee-status',
  'subsidiary-protection',
  'humanitarian-status',
  'applicant-for-international-protection',
] as const;
export type GrantedStatus = (typeof GRANTED_STATUSES)[number];

/** Where an admission file stands (the state machine of src/domain/admission/file.ts). */
export const FILE_STATUSES = [
  'referred',
  'registered',
  'admitted',
  'refused',
  'departed',
  'arrived',
  'withdrawn',
] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** The pre-departure arrangements after a positive decision (Art. 9: medical, travel, orientation). */
export const PRE_DEPARTURE_STEPS = [
  'medical-check',
  'travel-document',
  'exit-permit',
  'pre-departure-orientation',
] as const;
export type PreDepartureStep = (typeof PRE_DEPARTURE_STEPS)[number];

/** Every step a file's history records, in the order they usually come. */
export const FILE_STEPS = [
  'referred',
  'registered',
  'eligibility-assessed',
  'decided',
  ...PRE_DEPARTURE_STEPS,
  'departed',
  'arrived',
  'withdrawn',
] as const;
export type FileStep = (typeof FILE_STEPS)[number];

/** The steps a user records through POST /api/admission/files/:id/steps (the others have routes of their own). */
export const RECORDED_STEPS = [
  'registered',
  'eligibility-assessed',
  ...PRE_DEPARTURE_STEPS,
  'departed',
  'withdrawn',
] as const;
export type RecordedStep = (typeof RECORDED_STEPS)[number];
