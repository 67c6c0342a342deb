import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ENCRYPTING_QUERY } from '../preload/contract/index.ts';
import { App } from './App.tsx';
import { EncryptingScreen } from './app/start/EncryptingScreen.tsx';

const root = document.getElementById('root');
// Main opens the page with this query while it encrypts the profile, before any handler exists.
const encrypting = new URLSearchParams(window.location.search).has(ENCRYPTING_QUERY);
if (root !== null) {
  createRoot(root).render(<StrictMode>{encrypting ? <EncryptingScreen /> : <App />}</StrictMode>);
}
