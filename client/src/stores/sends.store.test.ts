import { createRoot } from 'solid-js';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { MessageDto } from '@shared/dto.js';

import { announcements, resetAnnouncer } from './announcer.store.js';
import {
  loadMessages,
  pendingSends,
  resetMessages,
  threadMessages,
  upsertMessage,
} from './messages.store.js';
import {
  editSend,
  onEditRequest,
  type ReplyDraft,
  retrySend,
  sendOptimistic,
} from './sends.store.js';
import { messageDto } from '../test/dto-fixtures.js';

const stored = (overrides: Partial<MessageDto>): MessageDto =>
  messageDto({
    id: 40,
    text: 'See you Friday',
    ...overrides,
  });

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The server as fetch sees it: the history first, then each send answered by `answer`. */
function serve(answer: (body: { text: string; clientId: string }) => Response | Promise<Response>) {
  const sent: Array<{ text: string; clientId: string }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_path: string, init: RequestInit) => {
      if (init.method === 'GET') return json(200, { messages: [] });
      const body = JSON.parse(String(init.body)) as { text: string; clientId: string };
      sent.push(body);
      return answer(body);
    }),
  );
  return sent;
}

const draft = (text: string): ReplyDraft => ({ text, files: [] });

describe('optimistic sends', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
    resetMessages();
    resetAnnouncer();
  });

  it('shows the reply as sending before the server answers', async () => {
    let answer: (response: Response) => void = () => undefined;
    const sent = serve(() => new Promise<Response>((resolve) => (answer = resolve)));
    await loadMessages(7);

    const done = sendOptimistic(7, draft('See you Friday'), {});

    expect(pendingSends(7)).toMatchObject([{ text: 'See you Friday', state: 'sending' }]);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    answer(json(201, { message: stored({ clientId: sent[0]!.clientId }) }));
    expect(await done).toBe(true);
    expect(pendingSends(7)).toEqual([]);
    expect(threadMessages(7).map((m) => m.id)).toEqual([40]);
  });

  it('swaps the copy for the event that beats the answer, leaving one message', async () => {
    let answer: (response: Response) => void = () => undefined;
    const sent = serve(() => new Promise<Response>((resolve) => (answer = resolve)));
    await loadMessages(7);

    const done = sendOptimistic(7, draft('See you Friday'), {});
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    upsertMessage(stored({ clientId: sent[0]!.clientId }));

    expect(pendingSends(7)).toEqual([]);
    expect(threadMessages(7)).toHaveLength(1);
    answer(json(201, { message: stored({ clientId: sent[0]!.clientId }) }));
    await done;
    expect(threadMessages(7)).toHaveLength(1);
  });

  it('keeps a refused reply as not sent with the reason, said at once', async () => {
    serve(() =>
      json(409, { error: { code: 'contact_unsubscribed', message: 'This contact opted out.' } }),
    );
    await loadMessages(7);

    expect(await sendOptimistic(7, draft('Still there?'), {})).toBe(false);

    expect(pendingSends(7)).toMatchObject([
      { text: 'Still there?', state: 'failed', error: 'This contact opted out.' },
    ]);
    expect(announcements('assertive').map((line) => line.text)).toEqual([
      'Your text to a student was not sent: This contact opted out.',
    ]);
  });

  it('drops the copy and rethrows when the collision guard holds the send', async () => {
    serve(() =>
      json(409, { error: { code: 'newer_messages', message: 'Newer texts.', details: {} } }),
    );
    await loadMessages(7);

    await expect(sendOptimistic(7, draft('Yes'), { draftStartedAfter: 3 })).rejects.toMatchObject({
      code: 'newer_messages',
    });
    expect(pendingSends(7)).toEqual([]);
  });

  it('sends a not-sent reply again under the same client id', async () => {
    let refuse = true;
    const sent = serve((body) =>
      refuse
        ? json(422, { error: { code: 'mms_not_supported', message: 'No pictures there.' } })
        : json(201, { message: stored({ clientId: body.clientId }) }),
    );
    await loadMessages(7);
    await sendOptimistic(7, draft('Map attached'), {});
    const copy = pendingSends(7)[0]!;
    refuse = false;

    expect(await retrySend(7, copy.clientId)).toBe(true);
    expect(sent.map((body) => body.clientId)).toEqual([copy.clientId, copy.clientId]);
    expect(pendingSends(7)).toEqual([]);
  });

  it('hands a not-sent reply back to its thread’s composer with Edit', async () => {
    serve(() => json(500, { error: { code: 'internal', message: 'Server trouble.' } }));
    await loadMessages(7);
    await sendOptimistic(7, draft('Call me back'), {});
    const received: ReplyDraft[] = [];

    const dispose = createRoot((done) => {
      onEditRequest(8, (value) => received.push({ ...value, text: `wrong ${value.text}` }));
      onEditRequest(7, (value) => received.push(value));
      return done;
    });
    editSend(7, pendingSends(7)[0]!.clientId);

    await vi.waitFor(() => expect(received).toEqual([{ text: 'Call me back', files: [] }]));
    expect(pendingSends(7)).toEqual([]);
    dispose();
  });
});
