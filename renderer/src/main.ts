import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { enableBenchProbe } from './lib/bench-probe.js';
import { createTransport } from './transport/index.js';

const target = document.getElementById('app');
if (!target) throw new Error('Returns Wall: the page has no #app element to mount on');

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
