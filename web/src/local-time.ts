// Times typed into forms: a datetime-local field holds the wall-clock time of the member state's zone
// ("2026-12-09T10:00"), which the API receives as an instant with its offset ("2026-12-09T10:00:00+02:00").
import { DateTime } from 'luxon';

/** Now, as a datetime-local value in `zone` (to the minute). */
export const localNow = (zone: string): string => DateTime.now().setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm");

/** A datetime-local value read in `zone`, as an ISO 8601 instant with offset. */
export const toInstant = (local: string, zone: string): string =>
  DateTime.fromISO(local, { zone }).toISO({ suppressMilliseconds: true }) ?? local;
