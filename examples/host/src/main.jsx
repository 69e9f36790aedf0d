import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'memberlink/composer/style.css';
import { App } from './App.jsx';
import './host.css';

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
