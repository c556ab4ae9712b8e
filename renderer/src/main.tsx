import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { App } from './App';
import { I18nProvider } from './i18n';
import { SessionProvider } from './session';
import { installWedge, publishScan } from './scan';
import './styles.css';

ModuleRegistry.registerModules([AllCommunityModule]);

// Keyboard-wedge scanners, wherever focus is; a HID scanner in the main process uses the same bus.
installWedge();
window.desk?.onScan?.((e) => publishScan(e));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
