// AMMR Art. 67(9)–(11): the relocation procedure's deadlines, from confirmation to transfer.
import { defineParameters } from '../schema.ts';

const FROM = '2026-07-01'; // AMMR Art. 85

export default defineParameters([
  {
    name: 'ammr.relocation.confirmation-deadline',
    description:
      'The member state of relocation confirms that it will relocate the person within this time; silence counts as acceptance',
    unit: 'weeks',
    values: [
      { since: FROM, value: 1, source: { act: 'AMMR', article: '67', paragraph: '9', status: 'confirmed' } },
    ],
  },
  {
    name: 'ammr.relocation.confirmation-deadline-exceptional',
    description: 'Exceptionally, confirmation of a relocation may take up to this',
    unit: 'weeks',
    values: [
      { since: FROM, value: 2, source: { act: 'AMMR', article: '67', paragraph: '9', status: 'confirmed' } },
    ],
  },
  {
    name: 'ammr.relocation.transfer-decision-deadline',
    description:
      'The benefitting member state takes the transfer decision within this time of the confirmation',
    unit: 'weeks',
    values: [
      { since: FROM, value: 1, source: { act: 'AMMR', article: '67', paragraph: '10', status: 'confirmed' } },
    ],
  },
  {
    name: 'ammr.relocation.transfer-deadline',
    description:
      'The relocation transfer takes place within this time of the confirmation by the member state of relocation, or of the final suspensive appeal decision',
    unit: 'weeks',
    values: [
      { since: FROM, value: 4, source: { act: 'AMMR', article: '67', paragraph: '11', status: 'confirmed' } },
    ],
  },
]);
