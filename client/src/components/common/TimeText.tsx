import { clockTime, fullDateTime, relativeTime, timeAgo } from '../../lib/format.js';
import { now } from '../../lib/clock.js';

type TimeStyle = 'list' | 'ago' | 'clock' | 'exact';

const FORMATS: Record<TimeStyle, (iso: string) => string> = {
  list: (iso) => relativeTime(iso, now()),
  ago: (iso) => timeAgo(iso, now()),
  clock: clockTime,
  exact: fullDateTime,
};

/**
 * A time as the app prints it everywhere: a `<time>` with the exact moment on hover. The
 * relative styles ("5 min", "2 min ago") follow the app clock, so they stay true.
 */
export function TimeText(props: { at: string | number; style: TimeStyle; class?: string }) {
  const iso = () => (typeof props.at === 'number' ? new Date(props.at).toISOString() : props.at);

  return (
    <time class={props.class} datetime={iso()} title={fullDateTime(iso())}>
      {FORMATS[props.style](iso())}
    </time>
  );
}
