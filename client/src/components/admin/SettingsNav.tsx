import { SubNav } from '../common/SubNav.jsx';

/** The settings sections, in the order the sub-navigation lists them. */
export const SETTINGS_PAGES = [
  { href: '/settings/sms', label: 'Saved replies' },
  { href: '/settings/tags', label: 'Tags' },
  { href: '/settings/rules', label: 'Rules' },
  { href: '/settings/assistant', label: 'Assistant & bot' },
] as const;

/** Links between the settings pages, shown at the top of each. */
export function SettingsNav() {
  return <SubNav label="Settings" pages={SETTINGS_PAGES} />;
}
