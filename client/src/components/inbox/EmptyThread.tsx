import { Icon } from '../common/Icon.jsx';

export function EmptyThread() {
  return (
    <div class="empty-thread">
      <span class="empty-thread-icon" aria-hidden="true">
        <Icon name="sms" size={28} />
      </span>
      <h2>Pick a conversation</h2>
      <p>Choose a thread on the left to read and reply, or start a new one.</p>
      <a class="button" href="/new">
        New conversation
      </a>
    </div>
  );
}
