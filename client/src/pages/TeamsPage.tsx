import { For } from 'solid-js';

import { NewTeamForm } from '../components/admin/NewTeamForm.jsx';
import { TeamCard } from '../components/admin/TeamCard.jsx';
import { directory } from '../stores/directory.store.js';

export function TeamsPage() {
  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Teams
          </h1>
          <p class="page-intro">
            A conversation can be assigned to a team; each team gets its own inbox view.
          </p>
        </div>
      </header>
      <div class="card-grid">
        <For each={directory.teams} fallback={<p class="muted">No teams yet.</p>}>
          {(team) => <TeamCard team={team} />}
        </For>
      </div>
      <NewTeamForm />
    </div>
  );
}
