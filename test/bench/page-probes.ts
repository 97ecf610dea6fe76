/**
 * What the benchmarks watch inside the page, as scripts added before the renderer loads
 * (strings: this project's Node tsconfig has no DOM types). They only record; the Node side
 * reads the records back with `page.evaluate`.
 */

/**
 * `window.__votesChanged`: the wall-clock time (ms since the epoch) of every change to the
 * vote cells on the board up, and `window.__domMutations`, the count of DOM mutation records
 * under `#app` since the page loaded.
 */
export const WATCH_VOTES = `
(() => {
  window.__votesChanged = [];
  window.__domMutations = 0;
  let last = '';
  const votesText = () =>
    Array.from(document.querySelectorAll('section.board td.votes'), (cell) => cell.textContent).join('|');
  const observer = new MutationObserver((records) => {
    window.__domMutations += records.length;
    const now = Date.now();
    const text = votesText();
    if (text !== '' && text !== last) {
      last = text;
      window.__votesChanged.push(now);
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    observer.observe(document.getElementById('app') ?? document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
})();
`;

/**
 * `window.__frameGaps`: the gaps between animation frames, in ms, while
 * `window.__recordFrames` is true.
 */
export const WATCH_FRAMES = `
(() => {
  window.__frameGaps = [];
  window.__recordFrames = false;
  let previous = null;
  const onFrame = (time) => {
    if (window.__recordFrames && previous !== null) window.__frameGaps.push(time - previous);
    previous = time;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
})();
`;

/** The first paint of a board with numbers: `window.__boardPaintedAt` (ms since the epoch). */
export const WATCH_FIRST_BOARD = `
(() => {
  window.__boardPaintedAt = null;
  const check = () => {
    if (document.querySelector('section.board table td')) {
      // The frame after the DOM holds the board is the one that paints it.
      requestAnimationFrame(() => { window.__boardPaintedAt = Date.now(); });
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
`;
