// APR Art. 29: the document certifying that a person is an applicant. At registration (29(1)): a document
// in the applicant's name stating that an application was made and registered, valid until the document of
// 29(4) is issued; after lodging (29(4)), "as soon as possible", a document with at least the applicant's
// name, date and place of birth, sex and nationalities, facial image and signature (a), the issuing
// authority, date and place of issue and the period of validity (b), and the status as applicant (c).
// Points (d)–(e) of 29(4) were not read (UNCONFIRMED): the document states only what (a)–(c) require, and
// that it does not by itself prove identity (the safe reading). No number of days applies (the three days
// of the 2013 directives are not the APR's rule).
import type { DocumentDefinition } from '../definition.ts';
import { localDate } from '../values.ts';

const definition: DocumentDefinition = {
  kind: 'applicant-document',
  info: {
    articles: 'Regulation (EU) 2024/1348 (APR) Art. 29',
    permission: 'case.asylum',
    personFacing: true,
  },
  placeholders: ['stage', 'registeredDate', 'lodgedDate', 'lodged', 'registeredOnly', 'validity', 'place'],
  words: ['stage.registered', 'stage.lodged', 'validity.until-lodged-document', 'validity.while-applicant'],
  unavailable: (c) =>
    c.registeredAt === undefined
      ? 'the application is not registered (APR Art. 29(1): the document is given at registration)'
      : c.status === 'closed' || c.status === 'absconded'
        ? `the case is ${c.status}`
        : undefined,
  values: (c, ctx) => {
    const lodged = c.lodgedAt !== undefined;
    return {
      stage: ctx.word(lodged ? 'stage.lodged' : 'stage.registered'),
      registeredDate: localDate(c.registeredAt, ctx.zone),
      lodgedDate: localDate(c.lodgedAt, ctx.zone),
      lodged: lodged ? 'yes' : '',
      registeredOnly: lodged ? '' : 'yes',
      validity: ctx.word(lodged ? 'validity.while-applicant' : 'validity.until-lodged-document'),
      place: ctx.extra.place ?? '',
    };
  },
  blocks: [
    { type: 'heading', text: 'heading' },
    { type: 'paragraph', text: 'certifies' },
    {
      type: 'fields',
      rows: [
        { label: 'label.family-name', value: 'familyName' },
        { label: 'label.given-names', value: 'givenNames' },
        { label: 'label.name-original', value: 'nameOriginalScript' },
        { label: 'label.birth-date', value: 'birthDate' },
        { label: 'label.birth-place', value: 'placeOfBirth' },
        { label: 'label.sex', value: 'sex' },
        { label: 'label.nationality', value: 'nationality' },
        { label: 'label.status', value: 'stage' },
        { label: 'label.registered', value: 'registeredDate' },
        { label: 'label.lodged', value: 'lodgedDate' },
        { label: 'label.authority', value: 'authority' },
        { label: 'label.issued', value: 'issuedDate' },
        { label: 'label.place', value: 'place' },
        { label: 'label.validity', value: 'validity' },
        { label: 'label.case', value: 'caseId' },
      ],
    },
    { type: 'paragraph', text: 'photo' },
    { type: 'notice', text: 'not-identity' },
    { type: 'paragraph', text: 'withdrawn-later', when: 'registeredOnly' },
    { type: 'signatures', items: ['sign.applicant', 'sign.officer'] },
  ],
};

export default definition;
