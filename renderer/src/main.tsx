import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { App } from './App';
import { I18nProvider } from './i18n';
import { loadOfficeClock } from './i18n/clock';
import { SessionProvider } from './session';
import { installHidScans, installWedge } from './scan';
import './styles.css';

ModuleRegistry.registerModules([AllCommunityModule]);

// Keyboard-wedge scanners, wherever focus is; HID-POS scanners in the main process use the same bus.
installWedge();
installHidScans();
// the office's timezone and the desk's clock, before any screen dates anything (App waits for it)
void loadOfficeClock();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
