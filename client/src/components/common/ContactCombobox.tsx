import { createSignal, For, onCleanup, Show } from 'solid-js';

import type { ContactDto } from '@shared/dto.js';

import { errorMessage, listContacts } from '../../lib/api.js';
import { contactName, formatPhone } from '../../lib/format.js';
import { announce } from '../../stores/announcer.store.js';
import { putContact } from '../../stores/contacts.store.js';

interface ContactComboboxProps {
  id: string;
  label: string;
  selected: ContactDto | null;
  onSelect: (contact: ContactDto | null) => void;
  describedBy?: string;
  /** Marks the search box required, and invalid while the form says it is missing. */
  required?: boolean;
  invalid?: boolean;
}

const SEARCH_DELAY_MS = 200;

const mobilePhones = (contact: ContactDto) => contact.phones.filter((phone) => phone.mobile);

/**
 * Recipient search as an ARIA 1.2 combobox: type to search contacts with a mobile number,
 * arrows to move, Enter to pick, Escape to close.
 */
export function ContactCombobox(props: ContactComboboxProps) {
  const [query, setQuery] = createSignal('');
  const [results, setResults] = createSignal<ContactDto[]>([]);
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(-1);
  const [status, setStatus] = createSignal<string>('');
  const listId = `${props.id}-listbox`;
  const optionId = (index: number) => `${props.id}-option-${index}`;
  let timer: number | undefined;
  let latest = 0;
  let input: HTMLInputElement | undefined;
  let changeButton: HTMLButtonElement | undefined;
  onCleanup(() => window.clearTimeout(timer));

  const search = async (q: string) => {
    const request = ++latest;
    setStatus('Searching…');
    try {
      const { contacts } = await listContacts(q, true);
      if (request !== latest) return;
      contacts.forEach(putContact);
      const reachable = contacts.filter((contact) => mobilePhones(contact).length > 0);
      setResults(reachable);
      setActive(reachable.length > 0 ? 0 : -1);
      setStatus(reachable.length === 0 ? 'No contacts with a mobile number match.' : '');
    } catch (failure) {
      if (request === latest) setStatus(errorMessage(failure));
    }
  };

  const handleInput = (event: InputEvent & { currentTarget: HTMLInputElement }) => {
    const q = event.currentTarget.value;
    setQuery(q);
    setOpen(true);
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(q.trim()), SEARCH_DELAY_MS);
  };

  /** The search box gives way to the chosen contact: its Change button takes the focus. */
  const choose = (contact: ContactDto) => {
    props.onSelect(contact);
    setOpen(false);
    setQuery('');
    announce(`${props.label}: ${contactName(contact)}`);
    queueMicrotask(() => changeButton?.focus());
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    const count = results().length;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open()) {
        setOpen(true);
        void search(query().trim());
      } else if (count > 0) setActive((active() + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive((active() - 1 + count) % count);
    } else if (event.key === 'Enter' && open()) {
      const contact = results()[active()];
      if (!contact) return;
      event.preventDefault();
      choose(contact);
    } else if (event.key === 'Escape' && open()) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const handleChange = () => {
    props.onSelect(null);
    queueMicrotask(() => input?.focus());
  };

  return (
    <Show
      when={props.selected}
      fallback={
        <div class="combobox">
          <input
            ref={input}
            id={props.id}
            type="text"
            role="combobox"
            autocomplete="off"
            aria-autocomplete="list"
            aria-expanded={open()}
            aria-controls={listId}
            aria-describedby={props.describedBy}
            aria-required={props.required ? 'true' : undefined}
            aria-invalid={props.invalid ? 'true' : undefined}
            aria-activedescendant={open() && active() >= 0 ? optionId(active()) : undefined}
            placeholder="Search by name, email or phone"
            value={query()}
            onInput={handleInput}
            onKeyDown={handleKeyDown}
            onFocus={() => {
              setOpen(true);
              void search(query().trim());
            }}
            onBlur={() => setOpen(false)}
          />
          <ul
            id={listId}
            class="combobox-list"
            role="listbox"
            aria-label={`${props.label} suggestions`}
            hidden={!open()}
          >
            <For each={results()}>
              {(contact, index) => (
                <li
                  id={optionId(index())}
                  role="option"
                  class="combobox-option"
                  aria-selected={index() === active()}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(index())}
                  onClick={() => choose(contact)}
                >
                  <span class="option-name">{contactName(contact)}</span>
                  <span class="option-detail">
                    {mobilePhones(contact)
                      .map((phone) => formatPhone(phone.e164))
                      .join(', ')}
                  </span>
                </li>
              )}
            </For>
          </ul>
          <p class="combobox-status" role="status">
            {open() ? status() : ''}
          </p>
        </div>
      }
    >
      {(contact) => (
        <div class="selected-contact">
          <span>
            <span class="option-name">{contactName(contact())}</span>
            <span class="option-detail">
              {mobilePhones(contact())
                .map((phone) => formatPhone(phone.e164))
                .join(', ')}
            </span>
          </span>
          <button
            ref={changeButton}
            type="button"
            class="button button-small"
            onClick={handleChange}
          >
            Change<span class="sr-only"> {props.label.toLowerCase()}</span>
          </button>
        </div>
      )}
    </Show>
  );
}
