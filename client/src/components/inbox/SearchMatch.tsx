import { For } from 'solid-js';

import { splitHighlight, type SearchHighlight } from '@shared/search.js';

import { formatPhone } from '../../lib/format.js';

const LABELS: Record<SearchHighlight['field'], string> = {
  name: 'Name',
  contactName: 'Contact',
  phone: 'Number',
  message: 'Text',
};

/** Where a search matched, the matched words marked — as elements, never as HTML. */
export function SearchMatch(props: { highlight: SearchHighlight }) {
  const text = () =>
    props.highlight.field === 'phone'
      ? splitHighlight(props.highlight.text).map((part) => ({
          ...part,
          text: formatPhone(part.text),
        }))
      : splitHighlight(props.highlight.text);

  return (
    <span class="row-match" data-testid="search-match" data-field={props.highlight.field}>
      <span class="row-match-label">{LABELS[props.highlight.field]}: </span>
      <For each={text()}>{(part) => (part.match ? <mark>{part.text}</mark> : part.text)}</For>
    </span>
  );
}
