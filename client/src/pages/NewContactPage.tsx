import { ContactForm } from '../components/admin/ContactForm.jsx';
import { createContact, type ContactInput } from '../lib/api.js';
import { navigate } from '../lib/router.js';
import { putContact } from '../stores/contacts.store.js';
import { showNotice } from '../stores/notices.store.js';

export function NewContactPage() {
  const handleSubmit = async (input: ContactInput) => {
    const { contact } = await createContact(input);
    putContact(contact);
    showNotice('Contact created.');
    navigate(`/contacts/${contact.id}`);
  };

  return (
    <div class="page page-form">
      <header class="page-header">
        <div>
          <p class="breadcrumb">
            <a href="/contacts">Contacts</a>
          </p>
          <h1>New contact</h1>
        </div>
      </header>
      <div class="card card-padded">
        <ContactForm
          submitLabel="Create contact"
          autofocus
          onSubmit={handleSubmit}
          onCancel={() => navigate('/contacts')}
        />
      </div>
    </div>
  );
}
