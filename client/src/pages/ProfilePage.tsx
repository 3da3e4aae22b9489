import { NameForm } from '../components/profile/NameForm.jsx';
import { NotificationSettings } from '../components/profile/NotificationSettings.jsx';
import { PasswordForm } from '../components/profile/PasswordForm.jsx';
import { ProfileNav } from '../components/profile/ProfileNav.jsx';
import { currentUser } from '../stores/session.store.js';

/** The signed-in user's own settings: name, password and how they hear about new texts. */
export function ProfilePage() {
  return (
    <div class="page page-form">
      <ProfileNav />
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Your profile
          </h1>
          <p class="page-intro">
            Signed in as {currentUser()?.email}
            <span class="account-role"> · {currentUser()?.role}</span>
          </p>
        </div>
      </header>
      <NameForm />
      <NotificationSettings />
      <PasswordForm />
    </div>
  );
}
