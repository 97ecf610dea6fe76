/**
 * The one logger. Every line reads `<ISO time> <LEVEL> [Component] Sentence.`, goes to
 * stderr (stdout stays free for command output such as `returns-wall fetch`), and to any
 * extra sink added (the log file in Electron and browser mode, a buffer in tests).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogSink = (line: string, level: LogLevel) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function levelFromEnv(): LogLevel {
  const value = process.env.RETURNS_WALL_LOG_LEVEL;
  return value === 'debug' || value === 'info' || value === 'warn' || value === 'error' ? value : 'info';
}

const state: { threshold: LogLevel; sinks: Set<LogSink> } = {
  threshold: levelFromEnv(),
  sinks: new Set([(line) => process.stderr.write(`${line}\n`)]),
};

export function setLogLevel(level: LogLevel): void {
  state.threshold = level;
}

/** Adds a sink; returns a function that removes it. */
export function addLogSink(sink: LogSink): () => void {
  state.sinks.add(sink);
  return () => state.sinks.delete(sink);
}

/** Replaces every sink (the stderr one included); returns a function that puts the old ones back. */
export function replaceLogSinks(...sinks: LogSink[]): () => void {
  const previous = [...state.sinks];
  state.sinks = new Set(sinks);
  return () => {
    state.sinks = new Set(previous);
  };
}

/**
 * A sink that appends to a file, creating its folder; a failing disk (full, read-only, a folder
 * that cannot be made) never throws into the caller: it is said once on stderr, which still logs.
 */
export function fileSink(path: string): LogSink {
  let failed = false;
  let folderMade = false;
  return (line) => {
    try {
      if (!folderMade) mkdirSync(dirname(path), { recursive: true });
      folderMade = true;
      appendFileSync(path, `${line}\n`);
      failed = false;
    } catch (error) {
      if (!failed) process.stderr.write(`Log file ${path} cannot be written: ${String(error)}\n`);
      failed = true;
    }
  };
}

function emit(level: LogLevel, component: string, message: string): void {
  if (RANK[level] < RANK[state.threshold]) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase()} [${component}] ${message}`;
  for (const sink of state.sinks) sink(line, level);
}

export function createLogger(component: string): Logger {
  return {
    debug: (message) => emit('debug', component, message),
    info: (message) => emit('info', component, message),
    warn: (message) => emit('warn', component, message),
    error: (message) => emit('error', component, message),
  };
}
