// Issue 19: the desk's warning when the tablet's clock is off (web/src/clock-check.ts measures it).
import { useEffect, useState } from 'react';
import { clockChanges, clockOffMinutes, measuredOffset } from './clock-check.ts';

/** The device's clock off by more than the tolerance: by how many minutes (behind > 0), else undefined. */
export function useClockOff(): number | undefined {
  const [value, setValue] = useState(() => clockOffMinutes(measuredOffset()));
  useEffect(() => {
    const f = () => setValue(clockOffMinutes(measuredOffset()));
    clockChanges.addEventListener('change', f);
    return () => clockChanges.removeEventListener('change', f);
  }, []);
  return value;
}
