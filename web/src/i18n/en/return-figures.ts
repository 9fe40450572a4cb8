// English messages: return figures, issue 22 (see ../en.ts).
export const returnFigures = {
  'returnFigures.title': 'Returns',
  'returnFigures.voluntaryDeparted': 'Voluntary departures confirmed at the border',
  'returnFigures.assisted': 'Of which assisted (travel or reintegration support)',
  'returnFigures.forced': 'Forced returns (removals)',
  'returnFigures.lapsedTurnedForced': 'Of which after the period for voluntary departure lapsed',
  'returnFigures.lapsed': 'Periods for voluntary departure ended without a confirmed departure',
  'returnFigures.absconded': 'Persons who absconded',
  'returnFigures.once':
    'Each person is counted once: a voluntary departure that lapsed and ended in removal counts as a forced return.',
} as const;
