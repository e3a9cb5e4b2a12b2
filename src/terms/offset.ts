/**
 * A time zone's UTC offset at an instant, from `@date-fns/tz`'s `tzOffset` (which reads the
 * runtime's `Intl` data, never the process's own zone), with its one known wrong answer fixed.
 */
import { tzOffset } from '@date-fns/tz';

// One formatter per zone, only for the rare offsets between −1 h and +1 h that need a second look.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** True when `Intl` writes the zone's offset at `date` with a minus sign (`GMT-00:25:21`). */
function westOfGreenwich(zone: string, date: Date): boolean {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  return format.format(date).includes('GMT-');
}

/**
 * The zone's UTC offset at `epoch`, in whole seconds as milliseconds (positive east of Greenwich).
 * Historical local mean time keeps its seconds: Dublin before 1916 is −00:25:21.
 */
export function offsetAt(zone: string, epoch: number): number {
  const date = new Date(epoch);
  // tzOffset gives minutes, with historical second offsets (LMT) as fractions of a minute.
  let minutes = tzOffset(zone, date);
  if (Number.isNaN(minutes)) throw new RangeError(`time zone ${zone} has no offset at ${epoch}`);
  // tzOffset reads "-00:25:21" as +25.35 (the sign of "-00" is lost): Intl tells the true sign.
  if (minutes > 0 && minutes < 60 && westOfGreenwich(zone, date)) minutes = -minutes;
  return Math.round(minutes * 60) * 1000;
}
