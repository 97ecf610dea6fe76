import { mount } from 'svelte';
import { z } from 'zod';
import './app.css';
import App from './App.svelte';
import { enableBenchProbe } from './lib/bench-probe.js';
import { createTransport } from './transport/index.js';

const target = document.getElementById('app');
if (!target) throw new Error('Returns Wall: the page has no #app element to mount on');

// The page's CSP forbids eval, so zod's compiled fast path can never run: say so up front
// rather than let its probe trip a CSP violation on every load.
z.config({ jitless: true });
enableBenchProbe(window);
mount(App, { target, props: { transport: createTransport(window), storage: safeLocalStorage() } });

/** `localStorage` can throw on access (storage disabled); the wall then forgets its place. */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
