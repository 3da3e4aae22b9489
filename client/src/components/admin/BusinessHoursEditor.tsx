import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';

import type { BusinessHoursSlot } from '@shared/automation.js';

import { errorMessage } from '../../lib/api.js';
import { saveSettings } from '../../lib/automation-api.js';
import { showNotice } from '../../stores/notices.store.js';
import { Alert } from '../common/Alert.jsx';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Monday first on screen; the API numbers days from Sunday = 0. */
const dayNumber = (index: number) => (index + 1) % 7;

interface DayHours {
  open: boolean;
  start: string;
  end: string;
}

interface BusinessHoursEditorProps {
  slots: BusinessHoursSlot[];
  timezone: string;
  onSaved: (slots: BusinessHoursSlot[]) => void;
}

/** One opening per weekday, in the office's time zone: what the rules' "time" condition reads. */
export function BusinessHoursEditor(props: BusinessHoursEditorProps) {
  const [days, setDays] = createStore<DayHours[]>(
    DAYS.map((_, index) => {
      const slot = props.slots.find((s) => s.day === dayNumber(index));
      return { open: Boolean(slot), start: slot?.start ?? '09:00', end: slot?.end ?? '17:00' };
    }),
  );
  const [error, setError] = createSignal<string | null>(null);

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    const businessHours = days.flatMap((day, index) =>
      day.open
        ? [
            {
              day: dayNumber(index),
              start: day.start,
              end: day.end === '00:00' ? '24:00' : day.end,
            },
          ]
        : [],
    );
    try {
      const { settings } = await saveSettings({ businessHours });
      props.onSaved(settings.businessHours);
      showNotice('Business hours saved.');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <form class="stack" onSubmit={handleSubmit}>
      <p class="field-hint">Times are in the office’s time zone, {props.timezone}.</p>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <table class="table table-stack business-hours">
        <caption class="sr-only">Business hours</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Opens</th>
            <th scope="col">Closes</th>
          </tr>
        </thead>
        <tbody>
          <For each={DAYS}>
            {(name, index) => (
              <tr>
                <th scope="row">
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={days[index()]!.open}
                      onChange={(event) => setDays(index(), 'open', event.currentTarget.checked)}
                    />
                    {name}
                  </label>
                </th>
                <td>
                  <input
                    type="time"
                    aria-label={`${name} opens`}
                    disabled={!days[index()]!.open}
                    value={days[index()]!.start}
                    onInput={(event) => setDays(index(), 'start', event.currentTarget.value)}
                  />
                </td>
                <td>
                  <input
                    type="time"
                    aria-label={`${name} closes`}
                    disabled={!days[index()]!.open}
                    value={days[index()]!.end === '24:00' ? '00:00' : days[index()]!.end}
                    onInput={(event) => setDays(index(), 'end', event.currentTarget.value)}
                  />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="form-actions">
        <button type="submit" class="button button-primary">
          Save business hours
        </button>
      </div>
    </form>
  );
}
