import { render } from 'solid-js/web';

import { App } from './App.jsx';
import { startRouter } from './lib/router.js';

import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/inbox.css';
import './styles/thread.css';
import './styles/composer.css';
import './styles/pages.css';
import './styles/collaboration.css';
import './styles/automation.css';
import './styles/profile.css';
import './styles/shortcuts.css';
import './styles/reports.css';
import './styles/states.css';
import './styles/contact-panel.css';
import './styles/thread-compact.css';
import './styles/touch.css';

startRouter();

const root = document.getElementById('root');
if (root) render(() => <App />, root);
