import { createSignal } from 'solid-js';

import type { ConversationDto, MessageDto } from '@shared/dto.js';

import { directory } from '../stores/directory.store.js';
import { currentUser } from '../stores/session.store.js';
import { isThreadVisible } from '../stores/thread.store.js';
import { navigate } from './router.js';

/**
 * Browser notifications and a short sound for a new student text in a thread the user is
 * assigned (directly or through a team) or takes part in. They need the browser's permission,
 * asked only when the user turns them on, and the user's own switch (`browserNotifications`).
 */

type Permission = NotificationPermission | 'unsupported';

const supported = typeof window !== 'undefined' && 'Notification' in window;
const [permission, setPermission] = createSignal<Permission>(
  supported ? Notification.permission : 'unsupported',
);

export { permission };

/** Asks the browser once; must run from a click so the browser shows its prompt. */
export async function askPermission(): Promise<Permission> {
  if (!supported) return 'unsupported';
  const answer = await Notification.requestPermission();
  setPermission(answer);
  return answer;
}

function concernsMe(conversation: ConversationDto): boolean {
  const me = currentUser();
  if (!me) return false;
  const { assignee } = conversation;
  if (assignee?.type === 'user' && assignee.id === me.id) return true;
  if (assignee?.type === 'team') {
    const team = directory.teams.find((t) => t.id === assignee.id);
    if (team?.memberIds.includes(me.id)) return true;
  }
  return conversation.participantIds.includes(me.id);
}

let audio: AudioContext | null = null;

/** Two short soft tones; quietly nothing where audio is not allowed yet. */
function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.12, 1320],
    ] as const) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.3);
    }
  } catch {
    // Autoplay rules can refuse audio until the page has been clicked.
  }
}

/** Announces a new student text, when the user wants it and is not already looking at it. */
export function notifyInboundText(
  message: MessageDto,
  conversation: ConversationDto | undefined,
): void {
  if (message.direction !== 'inbound' || message.kind !== 'sms' || !conversation) return;
  if (!currentUser()?.browserNotifications || !concernsMe(conversation)) return;
  if (isThreadVisible(conversation.id)) return;

  chime();
  if (permission() !== 'granted') return;
  const who = conversation.contactName || conversation.name;
  const notification = new Notification(`New text · ${who}`, {
    body: message.text.slice(0, 140) || 'Attachment',
    tag: `conversation-${conversation.id}`,
  });
  notification.onclick = () => {
    window.focus();
    navigate(`/c/${conversation.id}`);
    notification.close();
  };
}
