import type { AssistantAction, AssistantTone } from '@shared/automation.js';
import { countSms } from '@shared/sms.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { getSettings } from '../admin/settings.js';
import type { ConversationService } from '../conversations/conversation.service.js';
import type { AssistantClient, ChatMessage } from './assistant.service.js';
import { fixSpelling } from './spelling.js';

export interface AssistantRequest {
  action: AssistantAction;
  userId: number;
  text?: string | undefined;
  conversationId?: number | undefined;
  tone?: AssistantTone | undefined;
  language?: string | undefined;
  /** For `shorten`: the result must fit in one SMS segment. */
  oneSegment?: boolean | undefined;
}

export interface AssistantResult {
  text: string;
  segments: number;
  /** Words the offline spelling fixer changed; empty when the model did the work. */
  corrections?: Array<{ from: string; to: string }>;
}

const TRANSCRIPT_MESSAGES = 40;
const SEGMENT_TRIES = 2;

const RULES =
  'Answer with the text of the message only: no quotes around it, no preamble, no markdown. ' +
  'Keep its meaning. Never invent facts, dates, links, amounts or promises. Keep placeholders ' +
  'such as [SSN], [CARD], [DATE] and {{contact.firstName}} exactly as written.';

const INSTRUCTIONS: Record<Exclude<AssistantAction, 'draft' | 'summarise'>, string> = {
  improve: 'Improve this text message: clearer, warmer and easy to read, about as long as it is.',
  fix: 'Fix the spelling, grammar and punctuation of this text message. Change nothing else.',
  shorten: 'Make this text message shorter, keeping everything the student needs to know.',
  expand: 'Expand this text message with a little more helpful detail, at most 480 characters.',
  tone: 'Rewrite this text message in a TONE tone, with the same meaning.',
  translate:
    'Translate this text message into LANGUAGE. Keep names, numbers, links and placeholders.',
};

/**
 * The writing assistant's actions: each turns a draft (or the thread) into a suggestion for
 * the composer. It never sends anything; the counselor reviews and sends.
 */
export class WritingAssistant {
  constructor(
    private readonly deps: Deps,
    private readonly client: AssistantClient,
    private readonly conversations: ConversationService,
  ) {}

  get enabled(): boolean {
    return this.client.enabled;
  }

  /** Spelling works offline; every other action needs the model. */
  available(): AssistantAction[] {
    if (this.client.enabled) {
      return ['draft', 'improve', 'fix', 'shorten', 'expand', 'tone', 'translate', 'summarise'];
    }
    return ['fix'];
  }

  async run(request: AssistantRequest): Promise<AssistantResult> {
    if (!this.client.enabled && request.action === 'fix') {
      const fixed = await fixSpelling(this.need(request.text), this.knownWords(request));
      return {
        text: fixed.text,
        segments: countSms(fixed.text).segments,
        corrections: fixed.corrections,
      };
    }
    if (!this.client.enabled) {
      throw errors.unavailable(
        'assistant_not_configured',
        'The writing assistant is not set up. An admin can set ASSISTANT_API_URL (and ' +
          'ASSISTANT_API_KEY, ASSISTANT_MODEL) to turn it on; spelling fixes work without it.',
      );
    }

    const text = await this.ask(request);
    if (request.action === 'shorten' && request.oneSegment) {
      return this.fitOneSegment(request, text);
    }
    return { text, segments: countSms(text).segments };
  }

  private async ask(request: AssistantRequest, extra?: string): Promise<string> {
    const system =
      `You help the staff of ${getSettings(this.deps).officeName}, a college office, ` +
      `write text messages (SMS) to students. ${RULES}`;
    const messages: ChatMessage[] = [
      { role: 'system', content: system },
      { role: 'user', content: this.prompt(request) + (extra ? `\n\n${extra}` : '') },
    ];
    return unquote(await this.client.complete(messages, request.action));
  }

  private prompt(request: AssistantRequest): string {
    switch (request.action) {
      case 'draft': {
        const notes = request.text?.trim()
          ? `\n\nUse these notes from the counselor: ${request.text.trim()}`
          : '';
        return (
          `Conversation so far:\n${this.transcript(request, false)}\n\nWrite the office's next ` +
          `reply to the student, signed by nobody, under 320 characters.${notes}`
        );
      }
      case 'summarise':
        return (
          `Summarise this conversation as a private note for colleagues: what the student ` +
          `asked, what the office answered or promised, and what is still open. Plain text, at ` +
          `most five short lines.\n\n${this.transcript(request, true)}`
        );
      case 'tone': {
        const tone = INSTRUCTIONS.tone.replace('TONE', request.tone ?? 'friendly');
        return `${tone}\n\n${this.need(request.text)}`;
      }
      case 'translate': {
        const language = request.language?.trim();
        if (!language) throw errors.invalidInput('language: choose the language to translate into');
        const instruction = INSTRUCTIONS.translate.replace('LANGUAGE', language);
        return `${instruction}\n\n${this.need(request.text)}`;
      }
      case 'shorten': {
        const limit = request.oneSegment
          ? ` It must fit in one SMS segment: ${segmentRule(this.need(request.text))}`
          : '';
        return `${INSTRUCTIONS.shorten}${limit}\n\n${this.need(request.text)}`;
      }
      default:
        return `${INSTRUCTIONS[request.action]}\n\n${this.need(request.text)}`;
    }
  }

  /** Asks again while the text is over one segment; answers with the best it got. */
  private async fitOneSegment(request: AssistantRequest, first: string): Promise<AssistantResult> {
    let text = first;
    for (let attempt = 1; attempt < SEGMENT_TRIES && countSms(text).segments > 1; attempt += 1) {
      const count = countSms(text);
      text = await this.ask(
        { ...request, text },
        `That is still ${count.characters} characters (${count.encoding}). ${segmentRule(text)}`,
      );
    }
    return { text, segments: countSms(text).segments };
  }

  private transcript(request: AssistantRequest, withNotes: boolean): string {
    const id = request.conversationId;
    if (id === undefined) throw errors.invalidInput('conversationId: choose the conversation');
    const thread = this.conversations.load(id);
    const lines = this.conversations.messages
      .list(id)
      .filter((m) => m.kind === 'sms' || (withNotes && m.kind === 'note'))
      .slice(-TRANSCRIPT_MESSAGES)
      .map((m) => {
        if (m.kind === 'note') return `Staff note: ${m.text}`;
        return `${m.direction === 'inbound' ? 'Student' : 'Office'}: ${m.text}`;
      });
    if (!lines.length)
      throw errors.unprocessable('thread_empty', 'This conversation has no texts yet.');
    return `(Conversation "${thread.name}")\n${lines.join('\n')}`;
  }

  private knownWords(request: AssistantRequest): string[] {
    const names = this.deps.db.sqlite
      .prepare<[], { name: string }>('SELECT name FROM users WHERE active = 1')
      .all()
      .map((row) => row.name);
    const contact = request.conversationId
      ? [this.conversations.load(request.conversationId).contactName]
      : [];
    return [...names, ...contact, getSettings(this.deps).officeName];
  }

  private need(text: string | undefined): string {
    if (!text?.trim())
      throw errors.invalidInput('text: write something for the assistant to work on');
    return text;
  }
}

function segmentRule(text: string): string {
  return countSms(text).encoding === 'GSM-7' && !/[^\x20-\x7e\n]/.test(text)
    ? 'at most 160 characters, plain letters and punctuation only (no emoji or curly quotes).'
    : 'at most 70 characters, or at most 160 if you use only plain letters and punctuation.';
}

/** Models sometimes wrap the whole answer in quotes. */
function unquote(text: string): string {
  const match = /^["“'](.*)["”']$/s.exec(text.trim());
  return (match?.[1] ?? text).trim();
}
