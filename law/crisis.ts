// Crisis and Force Majeure Regulation (EU) 2024/1359: the derogations a declared crisis switches on for
// the persons it covers, and how long a crisis may last. The CFMR applies from 1 July 2026.
import { defineParameters } from './schema.ts';

const FROM = '2026-07-01';

export default defineParameters([
  {
    name: 'crisis.registration.deadline',
    description:
      'In a crisis or force majeure, applications made during the period may be registered no later than this after they are made (in a mass-arrivals crisis only applications made during the initial Council decision period, not its extensions: Art. 10(4))',
    unit: 'weeks',
    values: [
      { since: FROM, value: 4, source: { act: 'CFMR', article: '10', paragraph: '1', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.registration.use-before-authorisation',
    description:
      'A member state may apply the longer registration deadline for up to this before the Council authorises it',
    unit: 'days',
    values: [
      { since: FROM, value: 10, source: { act: 'CFMR', article: '10', paragraph: '6', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.border-procedure.extension',
    description:
      'For applications made within the period the derogation is applied, the maximum duration of the border procedure may be extended by up to this (not combined with the 16 weeks after relocation)',
    unit: 'weeks',
    values: [
      { since: FROM, value: 6, source: { act: 'CFMR', article: '11', paragraph: '1', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.border-procedure.recognition-rate-threshold',
    description:
      'In a mass-arrivals crisis, the 20 % recognition-rate threshold of APR Art. 42(1)(j) may be lowered to this',
    unit: 'percent',
    values: [
      { since: FROM, value: 5, source: { act: 'CFMR', article: '11', paragraph: '3', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.border-procedure.recognition-rate-ceiling',
    description:
      'In a mass-arrivals crisis, border-procedure merits decisions may cover nationalities with a Union-wide recognition rate of this or lower',
    unit: 'percent',
    values: [
      { since: FROM, value: 50, source: { act: 'CFMR', article: '11', paragraph: '4', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.expedited-procedure.deadline',
    description:
      'Where the Commission recommends the expedited procedure for a group, merits are decided within this time of lodging',
    unit: 'weeks',
    values: [
      {
        since: FROM,
        value: 4,
        source: {
          act: 'CFMR',
          article: '14',
          status: 'reported',
          note: 'rendering on migrationpact.info [S76]',
        },
      },
    ],
  },
  {
    name: 'crisis.duration',
    description: 'A Council decision authorising derogations applies for this long',
    unit: 'months',
    values: [
      { since: FROM, value: 3, source: { act: 'CFMR', article: '5', paragraph: '1', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.extension',
    description: 'The period may be extended once by this',
    unit: 'months',
    values: [
      { since: FROM, value: 3, source: { act: 'CFMR', article: '5', paragraph: '1', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.new-decision.duration',
    description:
      'After an extension, a new Council decision may amend or prolong the derogations for up to this',
    unit: 'months',
    values: [
      { since: FROM, value: 3, source: { act: 'CFMR', article: '5', paragraph: '2', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.new-decision.extension',
    description: 'A new decision may itself be extended once by this',
    unit: 'months',
    values: [
      { since: FROM, value: 3, source: { act: 'CFMR', article: '5', paragraph: '2', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.maximum-total',
    description: 'All decisions and extensions together last at most this',
    unit: 'months',
    values: [
      { since: FROM, value: 12, source: { act: 'CFMR', article: '5', paragraph: '3', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.commission-decision.deadline',
    description:
      'The Commission adopts its implementing decision no later than this from the reasoned request',
    unit: 'weeks',
    values: [
      { since: FROM, value: 2, source: { act: 'CFMR', article: '3', paragraph: '8', status: 'confirmed' } },
    ],
  },
  {
    name: 'crisis.council-decision.deadline',
    description:
      "The Council adopts its implementing decision within this time of receiving the Commission's proposal",
    unit: 'weeks',
    values: [
      { since: FROM, value: 2, source: { act: 'CFMR', article: '4', paragraph: '3', status: 'confirmed' } },
    ],
  },
]);
