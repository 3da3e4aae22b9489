import { createSignal, For, Show } from 'solid-js';

import type { Role, UserDto } from '@shared/dto.js';

import { NewUserForm, ROLES } from '../components/admin/NewUserForm.jsx';
import { Alert } from '../components/common/Alert.jsx';
import { Avatar } from '../components/common/Avatar.jsx';
import { ListGate } from '../components/common/ListGate.jsx';
import { errorMessage, updateUser } from '../lib/api.js';
import { directory, loadDirectory, upsertUser } from '../stores/directory.store.js';
import { currentUser, updateCurrentUser } from '../stores/session.store.js';

export function UsersPage() {
  const [error, setError] = createSignal<string | null>(null);

  const change = async (user: UserDto, body: Parameters<typeof updateUser>[1]) => {
    setError(null);
    try {
      const answer = await updateUser(user.id, body);
      upsertUser(answer.user);
      updateCurrentUser(answer.user);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Users
          </h1>
          <p class="page-intro">Everyone who can sign in to Switchboard, and what they may do.</p>
        </div>
      </header>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <div class="card">
        <ListGate
          loaded={directory.loaded}
          error={directory.error}
          onRetry={() => void loadDirectory()}
          count={directory.users.length}
          noun="users"
          empty="No users yet. Add the first one below."
        >
          <div class="table-wrap">
            <table class="table table-stack table-fixed">
              <caption class="sr-only">Users</caption>
              <colgroup>
                <col />
                <col class="col-role" />
                <col class="col-status" />
                <col class="col-actions" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={directory.users}>
                  {(user) => (
                    <tr classList={{ 'row-inactive': !user.active }}>
                      <th scope="row">
                        <span class="user-cell">
                          <Avatar name={user.name} size="small" />
                          <span>
                            <span class="user-cell-name" title={user.name}>
                              {user.name}
                            </span>
                            <span class="muted user-cell-email" title={user.email}>
                              {user.email}
                            </span>
                          </span>
                        </span>
                      </th>
                      <td>
                        <label class="sr-only" for={`role-${user.id}`}>
                          Role of {user.name}
                        </label>
                        <select
                          id={`role-${user.id}`}
                          class="select-compact"
                          value={user.role}
                          disabled={user.id === currentUser()?.id}
                          onChange={(event) =>
                            void change(user, { role: event.currentTarget.value as Role })
                          }
                        >
                          <For each={ROLES}>
                            {(option) => <option value={option.value}>{option.label}</option>}
                          </For>
                        </select>
                      </td>
                      <td>
                        <span class="badge" classList={{ 'badge-open': user.active }}>
                          {user.active ? 'Active' : 'Deactivated'}
                        </span>
                      </td>
                      <td class="cell-actions">
                        <Show when={user.id !== currentUser()?.id}>
                          <button
                            type="button"
                            class="button button-small"
                            onClick={() => void change(user, { active: !user.active })}
                          >
                            {user.active ? 'Deactivate' : 'Reactivate'}
                            <span class="sr-only"> {user.name}</span>
                          </button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </ListGate>
      </div>
      <NewUserForm />
    </div>
  );
}
