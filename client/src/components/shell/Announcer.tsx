import { For } from 'solid-js';

import { announcements, type Politeness } from '../../stores/announcer.store.js';

function Region(props: { politeness: Politeness }) {
  return (
    <div
      class="sr-only"
      aria-live={props.politeness}
      aria-relevant="additions"
      data-testid={`live-${props.politeness}`}
    >
      <For each={announcements(props.politeness)}>{(line) => <p>{line.text}</p>}</For>
    </div>
  );
}

/** The app's two live regions, mounted once: news is polite, a failed send is assertive. */
export function Announcer() {
  return (
    <>
      <Region politeness="polite" />
      <Region politeness="assertive" />
    </>
  );
}
