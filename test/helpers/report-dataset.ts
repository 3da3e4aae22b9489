import { rebuildReplyWaits } from '../../server/features/reports/reply-waits.rebuild.js';
import { factories, type Harness } from './app-harness.js';

/**
 * A small office whose reports were worked out by hand (test/server/reports/*.test.ts holds the
 * numbers). The office is in America/New_York, and the range crosses the start of daylight
 * saving (2025-03-09: 05:00Z to 04:00Z next day is one 23-hour day). The clock stands at
 * REPORT_NOW.
 */
export const REPORT_NOW = new Date('2025-03-12T16:00:00.000Z');

type Step =
  | [at: string, what: 'in']
  | [at: string, what: 'out', author: Person]
  | [at: string, what: 'bot' | 'reopened']
  | [at: string, what: 'note', author: Person];

type Person = 'ana' | 'ben' | 'sue';

interface Thread {
  status: 'open' | 'closed';
  steps: Step[];
}

const THREADS: Thread[] = [
  // C1: the student opens it; Ana answers twice; a second text while waiting starts no wait.
  {
    status: 'closed',
    steps: [
      ['2025-03-10T13:00:00Z', 'in'],
      ['2025-03-10T13:10:00Z', 'out', 'ana'],
      ['2025-03-10T13:20:00Z', 'in'],
      ['2025-03-10T13:25:00Z', 'in'],
      ['2025-03-10T13:50:00Z', 'out', 'ana'],
    ],
  },
  // C2: the bot's instant answer is not a reply; Ben's is. The last text waits 30 minutes.
  {
    status: 'open',
    steps: [
      ['2025-03-11T14:00:00Z', 'in'],
      ['2025-03-11T14:00:05Z', 'bot'],
      ['2025-03-11T14:30:00Z', 'out', 'ben'],
      ['2025-03-12T15:30:00Z', 'in'],
    ],
  },
  // C3: staff start it; texts on both sides of midnight, before and after the clocks change.
  {
    status: 'open',
    steps: [
      ['2025-03-09T03:30:00Z', 'out', 'ana'],
      ['2025-03-09T04:59:00Z', 'in'],
      ['2025-03-09T05:00:00Z', 'out', 'ana'],
      ['2025-03-10T03:59:00Z', 'in'],
      ['2025-03-10T04:09:00Z', 'out', 'ben'],
      ['2025-03-12T06:00:00Z', 'in'],
    ],
  },
  // C4: closed on 1 March, reopened by the student's text; Ben answers, Ana leaves a note.
  {
    status: 'open',
    steps: [
      ['2025-03-01T10:00:00Z', 'in'],
      ['2025-03-01T10:05:00Z', 'out', 'ana'],
      ['2025-03-11T12:00:00Z', 'reopened'],
      ['2025-03-11T12:00:00Z', 'in'],
      ['2025-03-11T14:00:00Z', 'out', 'ben'],
      ['2025-03-11T14:05:00Z', 'note', 'ana'],
    ],
  },
  // C5: the first text is on 7 March (23:59 New York time).
  {
    status: 'open',
    steps: [
      ['2025-03-08T04:59:00Z', 'in'],
      ['2025-03-08T20:00:00Z', 'out', 'ana'],
      ['2025-03-08T21:00:00Z', 'in'],
    ],
  },
  // C6: waiting since February.
  { status: 'open', steps: [['2025-02-20T12:00:00Z', 'in']] },
  // C7: only the bot answered; closed.
  {
    status: 'closed',
    steps: [
      ['2025-03-12T05:00:00Z', 'in'],
      ['2025-03-12T05:00:10Z', 'bot'],
    ],
  },
  // C8: six hours to a first answer, then a text nobody answered.
  {
    status: 'open',
    steps: [
      ['2025-03-10T12:00:00Z', 'in'],
      ['2025-03-10T18:00:00Z', 'out', 'ben'],
      ['2025-03-10T20:00:00Z', 'in'],
    ],
  },
  // C9, C11: new and unanswered; C10: the supervisor answers in three minutes.
  { status: 'open', steps: [['2025-03-12T13:00:00Z', 'in']] },
  {
    status: 'closed',
    steps: [
      ['2025-03-09T15:00:00Z', 'in'],
      ['2025-03-09T15:03:00Z', 'out', 'sue'],
    ],
  },
  { status: 'open', steps: [['2025-03-12T15:45:00Z', 'in']] },
];

const CONSENT: Array<[at: string, kind: 'opt_out' | 'opt_in']> = [
  ['2025-03-05T12:00:00Z', 'opt_out'],
  ['2025-03-08T06:00:00Z', 'opt_out'],
  ['2025-03-10T03:30:00Z', 'opt_out'],
  ['2025-03-10T04:30:00Z', 'opt_in'],
  ['2025-03-12T20:00:00Z', 'opt_out'],
];

const iso = (at: string) => new Date(at).toISOString();

/**
 * Writes the staff, teams, threads, texts and consent history straight to the database, then
 * rebuilds the report waits from that history; returns the staff.
 */
export async function seedReportDataset(h: Harness) {
  const make = factories(h);
  const staff = {
    ana: await make.user({ name: 'Ana Alvarez', email: 'ana@example.edu' }),
    ben: await make.user({ name: 'Ben Brooks', email: 'ben@example.edu' }),
    sue: await make.user({ name: 'Sue Super', email: 'sue@example.edu', role: 'supervisor' }),
  };
  team(h, 'Admissions', [staff.ana.id]);
  team(h, 'Housing', [staff.ana.id, staff.ben.id]);
  const number = make.number();
  const ids = { ana: staff.ana.id, ben: staff.ben.id, sue: staff.sue.id };

  THREADS.forEach((thread, index) => {
    const contact = make.contact({ phone: `+1415555${String(index).padStart(4, '0')}` });
    const id = insertThread(h, thread, contact, number.id, index);
    for (const step of thread.steps) insertStep(h, id, step, ids);
  });
  const consent = h.db.sqlite.prepare(
    `INSERT INTO consent_events (contact_id, kind, source, created_at)
     VALUES ((SELECT MIN(id) FROM contacts), ?, 'keyword', ?)`,
  );
  for (const [at, kind] of CONSENT) consent.run(kind, iso(at));
  // Written around the services, so the waits come from the start-up backfill's rebuild.
  rebuildReplyWaits(h.db.sqlite);
  return staff;
}

function team(h: Harness, name: string, members: number[]): void {
  const at = REPORT_NOW.toISOString();
  const { id } = h.db.sqlite
    .prepare('INSERT INTO teams (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id')
    .get(name, at, at) as { id: number };
  for (const user of members) {
    h.db.sqlite.prepare('INSERT INTO team_members (team_id, user_id) VALUES (?, ?)').run(id, user);
  }
}

function insertThread(
  h: Harness,
  thread: Thread,
  contact: { id: number; phone: string },
  numberId: number,
  index: number,
): number {
  const first = iso(thread.steps[0]?.[0] ?? REPORT_NOW.toISOString());
  const last = iso(thread.steps[thread.steps.length - 1]?.[0] ?? first);
  const row = h.db.sqlite
    .prepare(
      `INSERT INTO conversations (name, status, contact_id, phone, number_id, last_message_at,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(`C${index + 1}`, thread.status, contact.id, contact.phone, numberId, last, first, last);
  return (row as { id: number }).id;
}

function insertStep(h: Harness, id: number, step: Step, people: Record<Person, number>) {
  const [at, what] = step;
  const author = step.length === 3 ? people[step[2]] : null;
  const kind = what === 'note' ? 'note' : what === 'reopened' ? 'activity' : 'sms';
  const text =
    what === 'reopened' ? 'A new text from the student reopened the conversation' : `${what} text`;
  h.db.sqlite
    .prepare(
      `INSERT INTO messages (conversation_id, direction, kind, text, status, segments, encoding,
         author_id, automated, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, 'GSM-7', ?, ?, ?, ?)`,
    )
    .run(
      id,
      what === 'in' ? 'inbound' : 'outbound',
      kind,
      text,
      what === 'in' ? 'received' : 'delivered',
      author,
      what === 'bot' ? 'bot' : null,
      iso(at),
      iso(at),
    );
}
