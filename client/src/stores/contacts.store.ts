import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

import type { ContactDto, ConversationDto } from '@shared/dto.js';

import * as api from '../lib/api.js';
import { contactName } from '../lib/format.js';
import { renameContactInConversations } from './inbox.store.js';

/** Contacts this client has loaded, the current search, and each contact's threads. */
interface ContactsState {
  byId: Record<number, ContactDto>;
  threads: Record<number, ConversationDto[]>;
  searchIds: number[];
  query: string;
  loading: boolean;
  error: string | null;
}

const initialState = (): ContactsState => ({
  byId: {},
  threads: {},
  searchIds: [],
  query: '',
  loading: false,
  error: null,
});

const [contacts, setContacts] = createStore<ContactsState>(initialState());

export { contacts };

const time = (iso: string): number => Date.parse(iso) || 0;

export function putContact(contact: ContactDto): void {
  const current = contacts.byId[contact.id];
  if (current && time(contact.updatedAt) < time(current.updatedAt)) return;
  setContacts('byId', contact.id, reconcile(contact));
}

export const searchResults = (): ContactDto[] =>
  contacts.searchIds
    .map((id) => contacts.byId[id])
    .filter((contact): contact is ContactDto => contact !== undefined);

let latestSearch = 0;

export async function searchContacts(query: string): Promise<void> {
  const request = ++latestSearch;
  setContacts({ query, loading: true, error: null });
  try {
    const answer = await api.listContacts(query);
    if (request !== latestSearch) return;
    batch(() => {
      for (const contact of answer.contacts) putContact(contact);
      setContacts({ searchIds: answer.contacts.map((contact) => contact.id), loading: false });
    });
  } catch (error) {
    if (request === latestSearch) setContacts({ loading: false, error: api.errorMessage(error) });
  }
}

export async function loadContact(id: number): Promise<void> {
  const answer = await api.getContact(id);
  batch(() => {
    putContact(answer.contact);
    setContacts('threads', id, reconcile(answer.conversations ?? [], { key: 'id' }));
  });
}

export function onContactUpdated(contact: ContactDto): void {
  const current = contacts.byId[contact.id];
  if (current && time(contact.updatedAt) < time(current.updatedAt)) return;
  putContact(contact);
  renameContactInConversations(contact.id, contactName(contact));
}

export function resetContacts(): void {
  latestSearch += 1;
  setContacts(reconcile(initialState()));
}
