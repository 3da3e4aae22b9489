import { SubNav } from '../common/SubNav.jsx';

const PROFILE_PAGES = [
  { href: '/profile', label: 'Profile' },
  { href: '/profile/notifications', label: 'My notifications' },
] as const;

/** Links between the profile and the user's notification log. */
export function ProfileNav() {
  return <SubNav label="Your account" pages={PROFILE_PAGES} />;
}
