import { createSignal, Show } from 'solid-js';

import type { BotAnswerDto } from '@shared/automation.js';

import { errorMessage } from '../../lib/api.js';
import { createBotAnswer, updateBotAnswer } from '../../lib/automation-api.js';
import { Alert } from '../common/Alert.jsx';

interface BotAnswerFormProps {
  answer?: BotAnswerDto;
  onSaved: (answer: BotAnswerDto) => void;
  onCancel?: () => void;
}

/** One question the bot can answer: the question, the answer it texts, and its keywords. */
export function BotAnswerForm(props: BotAnswerFormProps) {
  const key = props.answer ? `answer-${props.answer.id}` : 'answer-new';
  const [question, setQuestion] = createSignal(props.answer?.question ?? '');
  const [answer, setAnswer] = createSignal(props.answer?.answer ?? '');
  const [keywords, setKeywords] = createSignal(props.answer?.keywords.join(', ') ?? '');
  const [error, setError] = createSignal<string | null>(null);

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    const body = {
      question: question().trim(),
      answer: answer().trim(),
      keywords: keywords()
        .split(',')
        .map((word) => word.trim())
        .filter(Boolean),
    };
    try {
      const saved = props.answer
        ? await updateBotAnswer(props.answer.id, body)
        : await createBotAnswer(body);
      props.onSaved(saved.answer);
      if (!props.answer) {
        setQuestion('');
        setAnswer('');
        setKeywords('');
      }
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <form class="stack" onSubmit={handleSubmit}>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <div class="field">
        <label class="field-label" for={`${key}-question`}>
          Question
        </label>
        <input
          id={`${key}-question`}
          required
          maxLength={300}
          placeholder="e.g. When is the enrollment deposit due?"
          value={question()}
          onInput={(event) => setQuestion(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label class="field-label" for={`${key}-answer`}>
          Answer the bot texts
        </label>
        <textarea
          id={`${key}-answer`}
          required
          rows="3"
          maxLength={1600}
          value={answer()}
          onInput={(event) => setAnswer(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label class="field-label" for={`${key}-keywords`}>
          Keywords <span class="optional">(comma-separated; used when no model is set)</span>
        </label>
        <input
          id={`${key}-keywords`}
          placeholder="deposit, due date"
          value={keywords()}
          onInput={(event) => setKeywords(event.currentTarget.value)}
        />
      </div>
      <div class="form-actions">
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
        <button type="submit" class="button button-primary">
          {props.answer ? 'Save answer' : 'Add answer'}
        </button>
      </div>
    </form>
  );
}
