// Lithuanian messages: return figures, exactly the keys of ../en/return-figures.ts.
import type { returnFigures as en } from '../en/return-figures.ts';

export const returnFigures: Readonly<Record<keyof typeof en, string>> = {
  'returnFigures.title': 'Grąžinimai',
  'returnFigures.voluntaryDeparted': 'Savanoriški išvykimai, patvirtinti pasienyje',
  'returnFigures.assisted': 'Iš jų su parama (kelionės ar reintegracijos)',
  'returnFigures.forced': 'Priverstiniai grąžinimai (išsiuntimai)',
  'returnFigures.lapsedTurnedForced': 'Iš jų pasibaigus savanoriško išvykimo terminui',
  'returnFigures.lapsed': 'Savanoriško išvykimo terminai, pasibaigę be patvirtinto išvykimo',
  'returnFigures.absconded': 'Pasislėpę asmenys',
  'returnFigures.once':
    'Kiekvienas asmuo skaičiuojamas vieną kartą: savanoriškas išvykimas, kurio terminas pasibaigė ir kuris baigėsi išsiuntimu, skaičiuojamas kaip priverstinis grąžinimas.',
};
