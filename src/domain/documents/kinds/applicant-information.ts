// APR (Regulation (EU) 2024/1348) Art. 8: information to applicants on their rights and obligations.
// Art. 8(2) (SEEN, EN and ES, BG, NL renderings): the determining authority (or other competent authorities
// or organisations tasked for that purpose) informs applicants, "in a language which they understand or are
// reasonably supposed to understand", of (a) the right to lodge an individual application; (b) the time
// limits and stages of the procedure; (c) their rights and obligations during the procedure, including those
// under Regulation (EU) 2024/1351, and the consequences of not complying, in particular as regards the
// explicit or implicit withdrawal of an application; (d) the right to free legal counselling for the lodging
// and to legal assistance and representation at all stages (Arts 15–19); (e) the means to fulfil the
// obligation to submit the elements of Art. 4 of Regulation (EU) 2024/1347; (f) the decision of the
// determining authority in accordance with Art. 36.
// When (SEEN in the ES rendering of 8(2), second subparagraph): all of it "as soon as possible" so that the
// applicant can exercise the rights and comply with the obligations of Art. 9; points (a)–(e) "at the latest"
// when the application is registered. So the leaflet is offered from the moment the application is made (the
// wish to apply recorded: APR Art. 26) — Art. 8(1) applies the guarantees during the Chapter III procedure,
// which starts there — and is owed by registration (the guarantee in ../module.ts).
// UNCONFIRMED (not read): the rest of that subparagraph (whether the information is given in writing and/or
// orally, leaflets). The leaflet is written, and its notification records how it was given (read out with an
// interpreter…). No signature of the person is required by Art. 8 as read; the officer's line only.
// The time limits printed are those the case knows (the open obligations' due times, looked up by the store:
// extra `due.<kind>`), in the state's zone; the statutory lengths are not restated here.
import type { DocumentDefinition } from '../definition.ts';
import { localDate, localDateTime } from '../values.ts';

/** The open deadlines the leaflet prints (8(2)(b)), each as the store passes it: `due.<obligation kind>`. */
const DEADLINES = ['registration', 'lodging', 'decision', 'border-procedure-end'] as const;

const definition: DocumentDefinition = {
  kind: 'applicant-information',
  info: {
    articles: 'Regulation (EU) 2024/1348 (APR) Art. 8',
    permission: 'case.asylum',
    personFacing: true,
  },
  placeholders: [
    'madeDate',
    'registeredDate',
    'lodgedDate',
    'registrationDue',
    'lodgingDue',
    'decisionDue',
    'borderProcedureEnd',
    'noDeadline',
  ],
  unavailable: (c) =>
    c.asylumWishAt === undefined
      ? 'no application is made: the wish to apply is not recorded (APR Art. 8 informs applicants)'
      : c.status === 'closed' || c.status === 'absconded'
        ? `the case is ${c.status}`
        : undefined,
  values: (c, ctx) => {
    const due = (kind: (typeof DEADLINES)[number]) =>
      c.open.includes(kind) ? localDateTime(ctx.extra[`due.${kind}`], ctx.zone) : '';
    const deadlines = {
      registrationDue: due('registration'),
      lodgingDue: due('lodging'),
      decisionDue: due('decision'),
      borderProcedureEnd: due('border-procedure-end'),
    };
    return {
      madeDate: localDate(c.asylumWishAt, ctx.zone),
      registeredDate: localDate(c.registeredAt, ctx.zone),
      lodgedDate: localDate(c.lodgedAt, ctx.zone),
      ...deadlines,
      noDeadline: Object.values(deadlines).some((v) => v !== '') ? '' : 'yes',
    };
  },
  blocks: [
    { type: 'heading', text: 'heading' },
    { type: 'paragraph', text: 'intro' },
    {
      type: 'fields',
      rows: [
        { label: 'label.name', value: 'fullName' },
        { label: 'label.name-original', value: 'nameOriginalScript' },
        { label: 'label.birth-date', value: 'birthDate' },
        { label: 'label.nationality', value: 'nationality' },
        { label: 'label.made', value: 'madeDate' },
        { label: 'label.registered', value: 'registeredDate' },
        { label: 'label.lodged', value: 'lodgedDate' },
        { label: 'label.case', value: 'caseId' },
        { label: 'label.authority', value: 'authority' },
        { label: 'label.issued', value: 'issuedDate' },
      ],
    },
    // 8(2)(b): the time limits that apply to this person now, in the state's zone
    { type: 'heading', text: 'heading.deadlines' },
    { type: 'paragraph', text: 'deadlines.intro' },
    {
      type: 'fields',
      rows: [{ label: 'label.registration-due', value: 'registrationDue' }],
      when: 'registrationDue',
    },
    { type: 'fields', rows: [{ label: 'label.lodging-due', value: 'lodgingDue' }], when: 'lodgingDue' },
    { type: 'fields', rows: [{ label: 'label.decision-due', value: 'decisionDue' }], when: 'decisionDue' },
    {
      type: 'fields',
      rows: [{ label: 'label.border-procedure-end', value: 'borderProcedureEnd' }],
      when: 'borderProcedureEnd',
    },
    { type: 'paragraph', text: 'deadlines.none', when: 'noDeadline' },
    // 8(2)(a)–(f), one item each, in the order of the Article
    { type: 'heading', text: 'heading.rights' },
    { type: 'list', items: ['item.a', 'item.b', 'item.c', 'item.d', 'item.e', 'item.f'] },
    { type: 'notice', text: 'withdrawal' },
    { type: 'paragraph', text: 'language' },
    { type: 'signatures', items: ['sign.officer', 'sign.interpreter'] },
  ],
};

export default definition;
