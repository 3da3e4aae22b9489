import {
  factories,
  fixture,
  inboundBody,
  postWebhook,
  signIn,
  type Harness,
  type Staff,
} from './app-harness.js';

/** What `seedOffice` made, for tests to open. */
export interface DemoOffice {
  admin: { id: number; email: string };
  supervisor: { id: number; email: string };
  counselor: { id: number; email: string };
  /** Maya's thread: inbound, delivered, failed and queued texts, a note, a tag. */
  busyThread: number;
  closedThread: number;
  optedOutContact: number;
  contact: number;
}

const STUDENTS = [
  ['Maya', 'Lopez', '+14155550100', 'Is the deposit refundable if I defer?'],
  ['Jordan', 'Kim', '+14155550101', 'Can I still send my transcript next week?'],
  ['Priya', 'Shah', '+14155550102', 'What time does the campus tour start?'],
  ['Luis', 'Garcia', '+14155550103', 'I submitted the FAFSA, what happens next?'],
  ['Amara', 'Okafor', '+14155550104', 'Thanks for the reminder!'],
] as const;

async function textIn(h: Harness, phone: string, text: string): Promise<number> {
  const res = await postWebhook(h, 'inbound', inboundBody({ from: phone.slice(1), text }));
  if (res.status !== 200) throw new Error(`inbound failed: ${res.status}`);
  const row = h.db.sqlite
    .prepare('SELECT conversation_id AS id FROM messages ORDER BY id DESC LIMIT 1')
    .get() as { id: number };
  return row.id;
}

async function reply(h: Harness, staff: Staff, thread: number, text: string) {
  const res = await staff.post(`/api/conversations/${thread}/messages`, { text });
  if (res.status !== 201) throw new Error(`reply failed: ${res.status}`);
  return res.body.message.id as number;
}

/** Waits until the outbox has settled a message (submitted or failed). */
async function settled(h: Harness, messageId: number, want: string): Promise<void> {
  const until = Date.now() + 10_000;
  const query = h.db.sqlite.prepare('SELECT status FROM messages WHERE id = ?');
  while ((query.get(messageId) as { status: string }).status !== want) {
    if (Date.now() > until) throw new Error(`message ${messageId} never became ${want}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function deliveredReply(h: Harness, staff: Staff, thread: number, text: string) {
  const id = await reply(h, staff, thread, text);
  await settled(h, id, 'submitted');
  const carrierId = h.fake!.requests.at(-1)!.messageUuid!;
  const delivered = JSON.parse(fixture('status-delivered.json'));
  await postWebhook(h, 'status', { ...delivered, message_uuid: carrierId });
  await settled(h, id, 'delivered');
}

async function failedReply(h: Harness, staff: Staff, thread: number, text: string) {
  h.fake!.enqueue({ status: 422 });
  await settled(h, await reply(h, staff, thread, text), 'failed');
}

const shifted = (column: string, by: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, ${by})`;

/** Moves a thread into the past: its newest text `minutes` ago, earlier ones 3 minutes apart. */
function backdate(h: Harness, thread: number, minutes: number): void {
  const { sqlite } = h.db;
  const ids = sqlite
    .prepare('SELECT id FROM messages WHERE conversation_id = ? ORDER BY id DESC')
    .all(thread) as Array<{ id: number }>;
  const moveMessage = sqlite.prepare(
    `UPDATE messages SET created_at = ${shifted('created_at', '@by')},
       updated_at = ${shifted('updated_at', '@by')} WHERE id = @id`,
  );
  ids.forEach(({ id }, index) => moveMessage.run({ by: `-${minutes + index * 3} minutes`, id }));
  sqlite
    .prepare(
      `UPDATE conversations SET last_message_at = ${shifted('last_message_at', '@last')},
         created_at = ${shifted('created_at', '@first')} WHERE id = @id`,
    )
    .run({
      last: `-${minutes} minutes`,
      first: `-${minutes + ids.length * 3} minutes`,
      id: thread,
    });
}

async function people(h: Harness) {
  const make = factories(h);
  const admin = await make.user({ name: 'Ada Admin', email: 'ada@example.edu', role: 'admin' });
  const supervisor = await make.user({
    name: 'Sam Ortiz',
    email: 'sam@example.edu',
    role: 'supervisor',
  });
  const counselor = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  await make.user({ name: 'Lee Chen', email: 'lee@example.edu' });
  make.number('+12025550123', 'Admissions');
  const contacts = STUDENTS.map(([firstName, lastName, phone]) =>
    make.contact({ firstName, lastName, phone }),
  );
  return { admin, supervisor, counselor, contacts };
}

async function settings(ada: Staff, counselorId: number) {
  await ada.post('/api/teams', { name: 'Financial aid', memberIds: [counselorId] });
  await ada.post('/api/saved-replies', {
    title: 'Deposit deadline',
    body: 'Hi {{contact.firstName}}, the deposit is due May 1.',
  });
  const tag = await ada.post('/api/tags', { name: 'Deposit' });
  await ada.post('/api/rules', {
    name: 'Tag deposit questions',
    conditions: [{ type: 'text', op: 'contains', value: 'deposit' }],
    actions: [{ type: 'add_tag', tagId: tag.body.tag.id }],
  });
}

/** Seeds an office a counselor would recognise; needs the harness's fake Vonage. */
export async function seedOffice(h: Harness): Promise<DemoOffice> {
  const { admin, supervisor, counselor, contacts } = await people(h);
  const ada = await signIn(h, admin.email);
  const dana = await signIn(h, counselor.email);
  await settings(ada, counselor.id);

  const threads: number[] = [];
  for (const [, , phone, text] of STUDENTS) threads.push(await textIn(h, phone, text));
  const [busy, jordan, priya, luis] = threads as [number, number, number, number];

  await deliveredReply(h, dana, busy, 'Yes, within 30 days of paying it. Want the form?');
  await textIn(h, '+14155550100', 'Yes please, and does it cover housing too?');
  await failedReply(h, dana, busy, 'Here is the deferral form: it covers housing too.');
  await dana.post(`/api/conversations/${busy}/notes`, { text: 'Call back after 5pm.' });
  await dana.post(`/api/conversations/${busy}/assign`, {
    assignee: { type: 'user', id: counselor.id },
  });
  await ada.post(`/api/conversations/${jordan}/assign`, {
    assignee: { type: 'user', id: supervisor.id },
  });
  await deliveredReply(h, dana, priya, 'Tours start at 10am at the welcome center.');
  await dana.post(`/api/conversations/${priya}/close`);
  await dana.post(`/api/conversations/${luis}/tags`, { name: 'FAFSA' });
  await textIn(h, '+14155550104', 'STOP');
  for (const [thread, minutes] of [
    [busy, 4],
    [jordan, 190],
    [priya, 1500],
    [luis, 38],
  ]) {
    backdate(h, thread!, minutes!);
  }

  return {
    admin,
    supervisor,
    counselor,
    busyThread: busy,
    closedThread: priya,
    optedOutContact: contacts[4]!.id,
    contact: contacts[0]!.id,
  };
}
