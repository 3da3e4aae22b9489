import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { MessageDto } from '@shared/dto.js';

import { messageDto } from '../test/dto-fixtures.js';
import { loadMessages, resetMessages, threadMessages, upsertMessage } from './messages.store.js';

const message = (overrides: Partial<MessageDto>): MessageDto => messageDto(overrides);

function serve(messages: MessageDto[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ messages }), { status: 200 })),
  );
}

describe('messages store', () => {
  beforeEach(() => {
    resetMessages();
    vi.unstubAllGlobals();
  });

  it('ignores messages of threads whose history is not loaded', () => {
    upsertMessage(message({}));
    expect(threadMessages(7)).toEqual([]);
  });

  it('keeps a thread oldest first when a late message arrives', async () => {
    serve([message({ id: 2, createdAt: '2026-03-10T12:05:00.000Z' })]);
    await loadMessages(7);
    upsertMessage(message({ id: 1, createdAt: '2026-03-10T12:01:00.000Z' }));
    expect(threadMessages(7).map((m) => m.id)).toEqual([1, 2]);
  });

  it('never moves a delivery state backwards', async () => {
    serve([message({ status: 'delivered', updatedAt: '2026-03-10T12:00:05.000Z' })]);
    await loadMessages(7);
    upsertMessage(message({ status: 'submitted', updatedAt: '2026-03-10T12:00:02.000Z' }));
    upsertMessage(message({ status: 'queued', updatedAt: '2026-03-10T12:00:05.000Z' }));
    expect(threadMessages(7)[0]?.status).toBe('delivered');
  });

  it('stores each message once', async () => {
    serve([message({})]);
    await loadMessages(7);
    upsertMessage(message({ status: 'submitted', updatedAt: '2026-03-10T12:00:01.000Z' }));
    upsertMessage(message({ status: 'submitted', updatedAt: '2026-03-10T12:00:01.000Z' }));
    expect(threadMessages(7)).toHaveLength(1);
    expect(threadMessages(7)[0]?.status).toBe('submitted');
  });
});
