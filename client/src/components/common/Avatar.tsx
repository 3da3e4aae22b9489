import { initials } from '../../lib/format.js';

interface AvatarProps {
  name: string;
  size?: 'small' | 'medium';
  /** Shown as the accessible name; leave out when a visible name sits beside the avatar. */
  label?: string;
}

const HUES = [214, 262, 168, 24, 330, 190, 12, 140];

function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return HUES[hash % HUES.length] ?? 214;
}

export function Avatar(props: AvatarProps) {
  return (
    <span
      class={`avatar avatar-${props.size ?? 'medium'}`}
      style={{ '--avatar-hue': String(hueOf(props.name)) }}
      role={props.label ? 'img' : undefined}
      aria-label={props.label}
      aria-hidden={props.label ? undefined : 'true'}
      title={props.label ?? props.name}
    >
      {initials(props.name)}
    </span>
  );
}
