import { createSignal, Show } from 'solid-js';

import { createTeam, errorMessage } from '../../lib/api.js';
import { refocusIfLost } from '../../lib/focus.js';
import { upsertTeam } from '../../stores/directory.store.js';
import { showNotice } from '../../stores/notices.store.js';
import { Alert } from '../common/Alert.jsx';
import { MemberChecklist } from './MemberChecklist.jsx';

export function NewTeamForm() {
  const [name, setName] = createSignal('');
  const [members, setMembers] = createSignal<number[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { team } = await createTeam({ name: name().trim(), memberIds: members() });
      upsertTeam(team);
      showNotice(`Team "${team.name}" created.`);
      setName('');
      setMembers([]);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
      refocusIfLost(() => document.getElementById('team-name'));
    }
  };

  return (
    <form class="card card-padded stack" onSubmit={handleSubmit} aria-labelledby="new-team">
      <h2 id="new-team" class="card-title">
        Create a team
      </h2>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <div class="field">
        <label class="field-label" for="team-name">
          Team name
        </label>
        <input
          id="team-name"
          required
          placeholder="e.g. Admissions"
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </div>
      <MemberChecklist
        legend="Members"
        idPrefix="new-team-member"
        selected={members()}
        onChange={setMembers}
      />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Creating…' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
