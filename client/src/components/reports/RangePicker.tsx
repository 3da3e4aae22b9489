import { createSignal, For, Show } from 'solid-js';

import type { DayRange } from '../../lib/reports-api.js';

interface RangePickerProps {
  range: DayRange;
  today: string;
  onChange: (range: DayRange) => void;
}

const PRESETS = [7, 30, 90];

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Two labelled date fields and presets; the range is applied as soon as it makes sense. */
export function RangePicker(props: RangePickerProps) {
  const [problem, setProblem] = createSignal<string | null>(null);

  const handleDate = (field: keyof DayRange, value: string) => {
    const next = { ...props.range, [field]: value };
    if (!next.from || !next.to) return setProblem('Choose both a start and an end day.');
    if (next.from > next.to) return setProblem('The start day must be on or before the end day.');
    setProblem(null);
    props.onChange(next);
  };
  const isPreset = (days: number) =>
    props.range.to === props.today && props.range.from === shiftDay(props.today, 1 - days);

  const dateField = (end: 'from' | 'to', label: string) => (
    <label>
      <span>{label}</span>
      <input
        type="date"
        name={end}
        value={props.range[end]}
        max={props.today}
        aria-describedby="range-problem"
        onChange={(event) => handleDate(end, event.currentTarget.value)}
      />
    </label>
  );

  return (
    <form class="range-picker" aria-label="Date range" onSubmit={(event) => event.preventDefault()}>
      <div class="range-fields">
        {dateField('from', 'From')}
        {dateField('to', 'To')}
      </div>
      <div class="range-presets" role="group" aria-label="Quick ranges">
        <For each={PRESETS}>
          {(days) => (
            <button
              type="button"
              class="button button-small"
              aria-pressed={isPreset(days)}
              onClick={() => {
                setProblem(null);
                props.onChange({ from: shiftDay(props.today, 1 - days), to: props.today });
              }}
            >
              Last {days} days
            </button>
          )}
        </For>
      </div>
      <p id="range-problem" class="range-problem" role="alert">
        <Show when={problem()}>{problem()}</Show>
      </p>
    </form>
  );
}
