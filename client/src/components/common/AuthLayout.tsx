import type { JSX } from 'solid-js';

import { Icon } from './Icon.jsx';

/** The centred card that sign-in and first-time setup share. */
export function AuthLayout(props: { title: string; intro?: string; children: JSX.Element }) {
  return (
    <main class="auth" id="main">
      <div class="auth-card">
        <div class="auth-brand">
          <span class="brand-mark brand-mark-large" aria-hidden="true">
            <Icon name="sms" size={20} />
          </span>
          <span class="brand-name">Switchboard</span>
        </div>
        <h1 class="auth-title">{props.title}</h1>
        {props.intro ? <p class="auth-intro">{props.intro}</p> : null}
        {props.children}
      </div>
      <p class="auth-footer">The shared SMS inbox for your office.</p>
    </main>
  );
}
