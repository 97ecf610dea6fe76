import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Returns Wall: the page has no #app element to mount on');

mount(App, { target });
