import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    [key: string]: unknown;
  };
}

/** How the fake answers one request: reply text, or an HTTP status with no choices. */
export type ChatReply = string | { status: number };

export interface FakeOpenAi {
  /** `http://127.0.0.1:PORT/v1`: pass it as ASSISTANT_API_URL. */
  url: string;
  requests: ChatRequest[];
  /** Decides each answer; the default echoes "ok". */
  answer(fn: (request: ChatRequest) => ChatReply): void;
  /** Every message content of every request, joined: what the model was shown. */
  seen(): string;
  close(): Promise<void>;
}

/** An OpenAI-compatible `POST /v1/chat/completions` on 127.0.0.1 that records what it got. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: ChatRequest[] = [];
  let decide: (request: ChatRequest) => ChatReply = () => 'ok';

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      const request: ChatRequest = {
        path: req.url,
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest['body'],
      };
      requests.push(request);
      const reply = decide(request);
      if (typeof reply !== 'string') {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'fake failure' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          model: request.body.model,
          choices: [
            { index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' },
          ],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    answer: (fn) => {
      decide = fn;
    },
    seen: () => requests.flatMap((r) => r.body.messages.map((m) => m.content)).join('\n'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
