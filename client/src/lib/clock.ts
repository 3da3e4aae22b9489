import { createSignal } from 'solid-js';

const [now, setNow] = createSignal(Date.now());

window.setInterval(() => setNow(Date.now()), 30_000);

/** The current time, refreshed every 30 s so relative times ("2 min ago") stay true. */
export { now };
