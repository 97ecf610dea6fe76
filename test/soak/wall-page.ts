/**
 * The wall in Debian's Chromium (playwright-core), watched the whole night: page errors,
 * Server-Sent Events (re)connections, board changes and stream messages counted in the page,
 * and the page's memory, DOM nodes and listeners read over the DevTools protocol after forced
 * GC, with a heap snapshot for what V8's compiled code takes and what Blink keeps per board.
 */
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';
import { takeHeapSnapshot } from './heap-snapshot.js';

/** Time for the pinned board to draw before it is measured. */
const SETTLE_MS = 500;
const SAMPLE_GAP_MS = 100;

/** One reading of the page after forced GC (CDP `Performance.getMetrics`). */
export interface PageSample {
  readonly jsHeapUsedBytes: number;
  readonly nodes: number;
  readonly listeners: number;
  readonly documents: number;
}

/** Readings of the page at one point of the night. */
export interface PageReadings {
  readonly samples: readonly PageSample[];
  /**
   * V8's compiled code and its metadata (bytecode, machine code, function info: the heap
   * snapshot's `code` nodes), part of `jsHeapUsedBytes`, from one snapshot after the samples.
   */
  readonly codeBytes: number;
  /** Blink's `MediaQuerySet` objects in the same snapshot (one per <thead> ever inserted). */
  readonly mediaQuerySets: number;
  /**
   * Blink's own garbage-collected heap (CDP `Runtime.getHeapUsage`), which `jsHeapUsedBytes`
   * leaves out: where the media-query sets grew unseen.
   */
  readonly blinkHeapBytes: number;
}

const MEDIA_QUERY_SET = 'blink::MediaQuerySet';

// Page-side code as strings: this project's Node tsconfig has no DOM types.
const COUNT_BOARD_CHANGES = `(() => {
  const place = () => {
    const board = document.querySelector('section.board');
    return board ? board.dataset.boardIndex + '/' + board.dataset.raceId : '';
  };
  const soak = { changes: 0, last: place() };
  new MutationObserver(() => {
    const now = place();
    if (now !== soak.last) { soak.changes++; soak.last = now; }
  }).observe(document.body, { subtree: true, childList: true, attributes: true,
    attributeFilter: ['data-board-index', 'data-race-id'] });
  window.__soak = soak;
})()`;
const BOARD_CHANGES = 'window.__soak.changes';
/**
 * Counts the messages the page's event stream delivers (snapshot, updates, statuses): one
 * listener more on the page's EventSource, added before the wall's script runs.
 */
const COUNT_MESSAGES = `(() => {
  const Native = window.EventSource;
  window.__soakMessages = 0;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { window.__soakMessages++; });
    }
  };
})()`;
const MESSAGES = 'window.__soakMessages';
const FIRST_BOARD_UP = `document.querySelector('section.board')?.dataset.boardIndex === '0'`;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class WallPage {
  /** Uncaught page errors, console errors and crashes, as text. */
  readonly errors: string[] = [];
  /** Requests for `/events`: 1 for a night without a dropped stream. */
  sseConnects = 0;

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console error: ${message.text()}`);
    });
    page.on('crash', () => this.errors.push('the page crashed'));
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/events') this.sseConnects++;
    });
  }

  static async open(url: string): Promise<WallPage> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const wall = new WallPage(browser, page, cdp);
      await page.addInitScript(COUNT_MESSAGES);
      await page.goto(url);
      await page.locator('section.board').waitFor();
      await page.evaluate(COUNT_BOARD_CHANGES);
      return wall;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  async boardChanges(): Promise<number> {
    return Number(await this.page.evaluate(BOARD_CHANGES));
  }

  /** Presses the wall's own next-board key (Right), as an operator would. */
  async pressNext(): Promise<void> {
    await this.page.keyboard.press('ArrowRight');
  }

  /** Messages the page's event stream has delivered so far. */
  async messages(): Promise<number> {
    return Number(await this.page.evaluate(MESSAGES));
  }

  /**
   * Readings with the first board pinned (key `1`), so each point measures the same board,
   * then a heap snapshot, then rotation resumes (Escape). No other key may be pressed
   * meanwhile: the next-board key would release the pin (the soak pauses its BoardStepper).
   */
  async measure(samples: number): Promise<PageReadings> {
    await this.page.keyboard.press('1');
    await this.page.waitForFunction(FIRST_BOARD_UP);
    await delay(SETTLE_MS);
    const readings: PageSample[] = [];
    for (let index = 0; index < samples; index++) {
      await delay(SAMPLE_GAP_MS);
      readings.push(await this.#sample());
    }
    const snapshot = await takeHeapSnapshot(this.cdp, [MEDIA_QUERY_SET]);
    const usage = await this.cdp.send('Runtime.getHeapUsage');
    await this.page.keyboard.press('Escape');
    return {
      samples: readings,
      codeBytes: snapshot.bytesByType.get('code') ?? 0,
      mediaQuerySets: snapshot.countByName.get(MEDIA_QUERY_SET) ?? 0,
      blinkHeapBytes: usage.embedderHeapUsedSize,
    };
  }

  /** One reading as the wall stands, without pinning a board: for the progress lines. */
  async glance(): Promise<PageSample> {
    return this.#sample();
  }

  async #sample(): Promise<PageSample> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
    return {
      jsHeapUsedBytes: metric('JSHeapUsedSize'),
      nodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
      documents: metric('Documents'),
    };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
