// Entry point: the language, the logged-in user, client-side routing, then the application.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { AuthProvider } from './auth.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { OutboxProvider } from './outbox/use-outbox.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <AuthProvider>
      {/* issue 19: the logged-in user's outbox of encounters, sent whenever the network allows */}
      <OutboxProvider>
        <I18nProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </I18nProvider>
      </OutboxProvider>
    </AuthProvider>
  </StrictMode>,
);
