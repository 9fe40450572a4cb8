// The calendar date of an instant in Brussels, where the Union's acts are dated: which law and which pool
// are "in force today" is read at this date, by the CLI and the API alike.
const BRUSSELS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const unionDate = (at: Date): string => BRUSSELS.format(at);
