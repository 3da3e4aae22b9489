import { createSignal, For, Show } from 'solid-js';

import type { TeamDto } from '@shared/dto.js';

import { deleteTeam, errorMessage, updateTeam } from '../../lib/api.js';
import { findUser, removeTeam, upsertTeam } from '../../stores/directory.store.js';
import { showNotice } from '../../stores/notices.store.js';
import { Alert } from '../common/Alert.jsx';
import { Avatar } from '../common/Avatar.jsx';
import { MemberChecklist } from './MemberChecklist.jsx';

export function TeamCard(props: { team: TeamDto }) {
  const [editing, setEditing] = createSignal(false);
  const [members, setMembers] = createSignal<number[]>([]);
  const [name, setName] = createSignal('');
  const [confirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const headingId = `team-${props.team.id}`;

  const handleEdit = () => {
    setMembers([...props.team.memberIds]);
    setName(props.team.name);
    setEditing(true);
  };

  const handleSave = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { team } = await updateTeam(props.team.id, {
        name: name().trim(),
        memberIds: members(),
      });
      upsertTeam(team);
      setEditing(false);
      showNotice(`Team "${team.name}" saved.`);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const handleDelete = async () => {
    setBusy(true);
    try {
      await deleteTeam(props.team.id);
      removeTeam(props.team.id);
      showNotice(`Team "${props.team.name}" deleted.`);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <section class="card card-padded stack" aria-labelledby={headingId}>
      <div class="card-title-row">
        <h2 id={headingId} class="card-title">
          {props.team.name}
        </h2>
        <span class="muted">
          {props.team.memberIds.length} {props.team.memberIds.length === 1 ? 'member' : 'members'}
        </span>
      </div>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <Show
        when={editing()}
        fallback={
          <>
            <ul class="member-list">
              <For each={props.team.memberIds} fallback={<li class="muted">No members yet.</li>}>
                {(id) => (
                  <li class="member">
                    <Avatar name={findUser(id)?.name ?? '?'} size="small" />
                    <span>{findUser(id)?.name ?? 'Unknown user'}</span>
                  </li>
                )}
              </For>
            </ul>
            <div class="form-actions form-actions-start">
              <button type="button" class="button button-small" onClick={handleEdit}>
                Edit<span class="sr-only"> {props.team.name}</span>
              </button>
              <Show
                when={confirming()}
                fallback={
                  <button
                    type="button"
                    class="button button-small button-ghost"
                    onClick={() => setConfirming(true)}
                  >
                    Delete<span class="sr-only"> {props.team.name}</span>
                  </button>
                }
              >
                <button
                  type="button"
                  class="button button-small button-danger"
                  disabled={busy()}
                  onClick={() => void handleDelete()}
                >
                  Confirm delete<span class="sr-only"> {props.team.name}</span>
                </button>
                <button
                  type="button"
                  class="button button-small button-ghost"
                  onClick={() => setConfirming(false)}
                >
                  Keep team
                </button>
              </Show>
            </div>
          </>
        }
      >
        <form class="stack" onSubmit={handleSave}>
          <div class="field">
            <label class="field-label" for={`${headingId}-name`}>
              Team name
            </label>
            <input
              id={`${headingId}-name`}
              required
              value={name()}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </div>
          <MemberChecklist
            legend="Members"
            idPrefix={`${headingId}-member`}
            selected={members()}
            onChange={setMembers}
          />
          <div class="form-actions form-actions-start">
            <button type="submit" class="button button-primary button-small" disabled={busy()}>
              Save members
            </button>
            <button type="button" class="button button-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
