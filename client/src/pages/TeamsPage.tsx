import { For } from 'solid-js';

import { NewTeamForm } from '../components/admin/NewTeamForm.jsx';
import { TeamCard } from '../components/admin/TeamCard.jsx';
import { ListGate } from '../components/common/ListGate.jsx';
import { directory, loadDirectory } from '../stores/directory.store.js';

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
      <ListGate
        loaded={directory.loaded}
        error={directory.error}
        onRetry={() => void loadDirectory()}
        count={directory.teams.length}
        noun="teams"
        empty="No teams yet. Add the first one below."
      >
        <div class="card-grid">
          <For each={directory.teams}>{(team) => <TeamCard team={team} />}</For>
        </div>
      </ListGate>
      <NewTeamForm />
    </div>
  );
}
