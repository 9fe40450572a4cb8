// Schengen Borders Code, Regulation (EU) 2016/399, Art. 14(2) and Annex V Part B: the standard form for
// refusal of entry. Art. 14(2) (SEEN, RU): entry is refused "only by a substantiated decision stating the
// precise reasons for the refusal", taken by an authority empowered by national law, given "by means of a
// standard form, as set out in Annex V, Part B". Annex V Part A point 1(a) (SEEN, NL and ES): the person signs
// the form and is given a copy of the signed form; a refusal to sign is written under "comments". Point 1(d):
// where the refusal is not recorded in the EES, the letters of the reasons are written beside the cancelled
// entry stamp (the form prints them for that).
//
// UNCONFIRMED (the OJ text of Part B was not found in any corpus; research notes §1): the form's field list
// and order, the wording of the reasons (A)–(I) (src/domain/refusal.ts: the original 2016 form, as the 2006
// Code's, corroborated by secondary sources giving the same nine letters), the appeal statement and the
// contact points of Art. 14(3) (from memory: appeal under national law, no suspensive effect, a written
// indication of contact points on representatives). The ETIAS amendment (Reg. (EU) 2018/1240) is not applied.
// The form prints every field the notes list; those Pact does not hold (residence, visa, purpose, provenance,
// means of transport, contact points) print the template's "not recorded" for the officer to complete by hand.
// Unavailable while no reason is recorded: Art. 14(2) requires the precise reasons.
import { REFUSAL_REASONS } from '../../refusal.ts';
import type { DocumentDefinition } from '../definition.ts';
import { localDate, localTime } from '../values.ts';

const reasonValue = (r: string) => `reason${r}`;

const definition: DocumentDefinition = {
  kind: 'refusal-of-entry',
  info: {
    articles: 'Regulation (EU) 2016/399 (Schengen Borders Code) Art. 14(2), Annex V Parts A and B',
    permission: 'case.screening',
    personFacing: true,
  },
  placeholders: [
    'refusalDate',
    'refusalTime',
    'place',
    'officer',
    'residence',
    'documentType',
    'documentNumber',
    'documentCountry',
    'documentIssued',
    'visa',
    'purpose',
    'comingFrom',
    'transport',
    'reasonLetters',
    'comments',
    'directedTo',
    'contactPoints',
    ...REFUSAL_REASONS.map(reasonValue),
  ],
  unavailable: (c) =>
    !c.refusal
      ? 'no refusal of entry is recorded on this case (Schengen Borders Code Art. 14(2))'
      : c.status === 'closed' || c.status === 'absconded'
        ? `the case is ${c.status}`
        : // SBC Art. 14(1): a refusal is without prejudice to the right of asylum — a person who asked for
          // international protection is not handed a refusal of entry, whatever was recorded before (APR Art. 26)
          c.asylumWishAt !== undefined
          ? 'the person asked for international protection: a refusal of entry is without prejudice to the right of asylum (Schengen Borders Code Art. 14(1)); the application is registered instead (APR Art. 27)'
          : c.refusal.reasons.length === 0
            ? 'no reason for the refusal is recorded: record the reasons (A)–(I) of the standard form (Schengen Borders Code Art. 14(2): a decision stating the precise reasons)'
            : undefined,
  values: (c, ctx) => {
    const r = c.refusal;
    const doc = c.person.identity?.documents?.[0];
    const reasons = r?.reasons ?? [];
    return {
      refusalDate: localDate(r?.at, ctx.zone),
      refusalTime: localTime(r?.at, ctx.zone),
      place: ctx.extra.place ?? '',
      officer: `${ctx.issuer.actor} (${ctx.issuer.role})`,
      residence: '',
      documentType: doc?.type ?? '',
      documentNumber: doc?.number ?? '',
      documentCountry: doc?.issuingCountry ?? '',
      documentIssued: doc?.issuedOn ?? '',
      visa: '',
      purpose: '',
      comingFrom: '',
      transport: '',
      reasonLetters: reasons.join(', '),
      comments: r?.comments ?? '',
      directedTo: r?.directedTo ?? '',
      contactPoints: ctx.extra.contactPoints ?? '',
      ...Object.fromEntries(REFUSAL_REASONS.map((x) => [reasonValue(x), reasons.includes(x) ? 'yes' : ''])),
    };
  },
  blocks: [
    { type: 'heading', text: 'heading' },
    { type: 'paragraph', text: 'on' },
    {
      type: 'fields',
      rows: [
        { label: 'label.refusal-date', value: 'refusalDate' },
        { label: 'label.refusal-time', value: 'refusalTime' },
        { label: 'label.place', value: 'place' },
        { label: 'label.officer', value: 'officer' },
      ],
    },
    { type: 'paragraph', text: 'facing' },
    {
      type: 'fields',
      rows: [
        { label: 'label.family-name', value: 'familyName' },
        { label: 'label.given-names', value: 'givenNames' },
        { label: 'label.birth-date', value: 'birthDate' },
        { label: 'label.birth-place', value: 'placeOfBirth' },
        { label: 'label.sex', value: 'sex' },
        { label: 'label.nationality', value: 'nationality' },
        { label: 'label.residence', value: 'residence' },
        { label: 'label.document-type', value: 'documentType' },
        { label: 'label.document-number', value: 'documentNumber' },
        { label: 'label.document-country', value: 'documentCountry' },
        { label: 'label.document-issued', value: 'documentIssued' },
        { label: 'label.visa', value: 'visa' },
        { label: 'label.purpose', value: 'purpose' },
        { label: 'label.coming-from', value: 'comingFrom' },
        { label: 'label.transport', value: 'transport' },
      ],
    },
    { type: 'paragraph', text: 'informed' },
    {
      type: 'checklist',
      items: REFUSAL_REASONS.map((x) => ({ text: `reason.${x.toLowerCase()}`, checked: reasonValue(x) })),
    },
    {
      type: 'fields',
      rows: [
        { label: 'label.letters', value: 'reasonLetters' },
        { label: 'label.comments', value: 'comments' },
        { label: 'label.directed-to', value: 'directedTo' },
      ],
    },
    { type: 'notice', text: 'appeal' },
    { type: 'paragraph', text: 'contact-points' },
    { type: 'paragraph', text: 'asylum' },
    { type: 'paragraph', text: 'copy' },
    { type: 'signatures', items: ['sign.person', 'sign.officer'] },
    { type: 'paragraph', text: 'refused-to-sign' },
  ],
};

export default definition;
