import type { Deps } from '../../context.js';
import { errors, isAppError } from '../../lib/errors.js';
import { category } from '../../lib/logger.js';
import { maskPersonalData } from './mask.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface AssistantOptions {
  timeoutMs: number;
  /** Where a reply may be cut off; chat models rarely need more for an SMS. */
  maxTokens: number;
}

export const DEFAULT_ASSISTANT: AssistantOptions = { timeoutMs: 20_000, maxTokens: 600 };

/** `${url}/chat/completions`, or the URL as given when it already names that path. */
export function completionsUrl(url: string): string {
  const base = url.replace(/\/+$/, '');
  return base.endsWith('/chat/completions') ? base : `${base}/chat/completions`;
}

/**
 * The client of an OpenAI-compatible chat-completions endpoint (a hosted model or a local model
 * server). Every message is passed through `maskPersonalData` here, in the one place that talks
 * to the model, so no caller can send an SSN, card number or birth date by forgetting to.
 */
export class AssistantClient {
  private readonly log;

  constructor(
    private readonly deps: Deps,
    private readonly options: AssistantOptions = DEFAULT_ASSISTANT,
  ) {
    this.log = category(deps.logger, 'http');
  }

  get enabled(): boolean {
    return this.deps.config.assistant !== null;
  }

  /** Sends masked messages and returns the model's reply text, trimmed. */
  async complete(messages: ChatMessage[], purpose: string): Promise<string> {
    const config = this.deps.config.assistant;
    if (!config) {
      throw errors.unavailable(
        'assistant_not_configured',
        'The writing assistant is not set up: set ASSISTANT_API_URL to turn it on.',
      );
    }
    const now = this.deps.clock.now();
    const body = {
      model: config.model,
      messages: messages.map((m) => ({
        role: m.role,
        content: maskPersonalData(m.content, { now }),
      })),
      temperature: 0.3,
      max_tokens: this.options.maxTokens,
      stream: false,
    };

    const started = Date.now();
    const response = await this.post(completionsUrl(config.url), config.apiKey, body);
    const ms = Date.now() - started;
    if (!response.ok) {
      this.log.warn({ purpose, status: response.status, ms }, 'assistant request failed');
      throw errors.unavailable(
        'assistant_failed',
        `The writing assistant did not answer (HTTP ${response.status}). Try again.`,
      );
    }

    const data = (await response.json().catch(() => null)) as {
      choices?: Array<{ message?: { content?: unknown } }>;
    } | null;
    const content = data?.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || !content.trim()) {
      this.log.warn({ purpose, ms }, 'assistant answered without text');
      throw errors.unavailable(
        'assistant_failed',
        'The writing assistant gave an empty answer. Try again.',
      );
    }
    this.log.info({ purpose, ms }, 'assistant answered');
    return content.trim();
  }

  private async post(url: string, apiKey: string | null, body: unknown): Promise<Response> {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      if (isAppError(error)) throw error;
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      this.log.warn({ timedOut }, 'assistant unreachable');
      throw timedOut
        ? errors.unavailable(
            'assistant_timeout',
            'The writing assistant took too long to answer. Try again.',
          )
        : errors.unavailable(
            'assistant_unreachable',
            'The writing assistant could not be reached.',
          );
    }
  }
}
