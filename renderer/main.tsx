// global.css first: the component modules imported through App come after it in the stylesheet,
// so their rules win over its element and control rules at equal specificity.
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';

const root = document.getElementById('root');
if (!root) throw new Error('renderer: index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
