// The encounter the write benchmarks send (bench/api.ts over HTTP, bench/write-floor.ts and bench/write-bytes.ts
// to the store): two identified persons, one asking for asylum, and one more counted, on a past day.
export function sampleEncounter(ref: string) {
  return {
    ref,
    state: 'LT',
    occurredAt: '2026-11-02T04:10:00+02:00',
    kind: 'apprehended-irregular-crossing',
    groupSize: 3,
    persons: [
      {
        nationality: 'IQ',
        sex: 'male',
        birthYear: 1990,
        asylumWish: { at: '2026-11-02T04:30:00+02:00', where: 'station', to: 'border guard' },
      },
      { nationality: 'IQ', sex: 'female', birthYear: 1991 },
    ],
  };
}
