/**
 * The payload faults: what a broken or hostile API could send in place of a good answer.
 * Each takes the JSON about to be served and returns a changed copy.
 */
import type { FaultRule } from './faults.js';

type Json = unknown;
type JsonObject = Record<string, unknown>;

export const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  'Zoë Ñúñez-Ærøskøbing',
  'مريم الحسيني',
  'שרה לוי',
  'Sunny ☀️ Example 🗳️',
  '"; DROP TABLE races; --',
  'A'.repeat(300),
];

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectsOf(json: Json): JsonObject[] {
  return (Array.isArray(json) ? json : [json]).filter(isObject);
}

/** The first candidate of an object, or its first proposition. */
function firstEntry(object: JsonObject): JsonObject | undefined {
  const list = object.candidates ?? object['ballot-measures'];
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  return isObject(first) ? first : undefined;
}

function votesKey(entry: JsonObject): string {
  return 'Votes' in entry ? 'Votes' : 'yesVotes';
}

function removeField(json: Json, field: string): void {
  for (const object of objectsOf(json)) {
    if (field in object) delete object[field];
    else {
      const entry = firstEntry(object);
      if (entry) delete entry[field];
    }
  }
}

function changeVotes(json: Json, change: (text: string) => unknown): void {
  for (const object of objectsOf(json)) {
    const entry = firstEntry(object);
    if (!entry) continue;
    const key = votesKey(entry);
    entry[key] = change(String(entry[key] ?? '0'));
  }
}

function percentKey(entry: JsonObject): string {
  return 'Percent' in entry ? 'Percent' : 'yesPercent';
}

/** Raises the first entry's percent by 20 points (capped at 100), still a one-decimal string. */
function skewPercents(json: Json): void {
  for (const object of objectsOf(json)) {
    const entry = firstEntry(object);
    if (!entry) continue;
    const key = percentKey(entry);
    const sent = Number(entry[key] ?? 0);
    entry[key] = (sent > 50 ? sent - 20 : sent + 20).toFixed(1);
  }
}

function addExtraFields(json: Json): void {
  for (const object of objectsOf(json)) {
    object.winnerCalled = 'unknown';
    const entry = firstEntry(object);
    if (entry) entry.ballotDesignation = 'Rehearsal Field';
  }
}

function manyCandidates(json: Json, count: number): void {
  for (const object of objectsOf(json)) {
    if (!Array.isArray(object.candidates)) continue;
    object.candidates = Array.from({ length: count }, (_, index) => ({
      Name: `Filler Candidate ${index + 1}`,
      Party: 'NPP',
      Votes: '0',
      Percent: '0.0',
      incumbent: false,
    }));
  }
}

function hostileNames(json: Json): void {
  let next = 0;
  for (const object of objectsOf(json)) {
    const list = object.candidates ?? object['ballot-measures'];
    if (!Array.isArray(list)) continue;
    for (const entry of list.filter(isObject)) entry.Name = HOSTILE_NAMES[next++ % HOSTILE_NAMES.length];
  }
}

function mutateOne(json: Json, rule: FaultRule): Json {
  switch (rule.kind) {
    case 'empty-array':
      return [];
    case 'drop-objects':
      return Array.isArray(json) ? json.slice(0, -1) : [];
    case 'shuffle':
      return Array.isArray(json) ? [...json].reverse() : json;
    case 'missing-field':
      removeField(json, rule.field ?? 'Votes');
      return json;
    case 'number-for-string':
      changeVotes(json, (text) => Number(text.replaceAll(',', '')));
      return json;
    case 'negative-votes':
      changeVotes(json, (text) => `-${text}`);
      return json;
    case 'non-numeric-votes':
      changeVotes(json, () => 'n/a');
      return json;
    case 'bad-percents':
      skewPercents(json);
      return json;
    case 'extra-fields':
      addExtraFields(json);
      return json;
    case 'many-candidates':
      manyCandidates(json, rule.count ?? 10_000);
      return json;
    case 'hostile-names':
      hostileNames(json);
      return json;
    default:
      return json;
  }
}

/** Applies the payload faults in order to a copy of `json`. */
export function mutatePayload(json: Json, rules: readonly FaultRule[]): Json {
  return rules.reduce((current, rule) => mutateOne(current, rule), structuredClone(json));
}

/** A 200 page a broken proxy might send instead of JSON. */
export function htmlErrorPage(): string {
  return (
    '<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head>' +
    '<body><h1>Service Unavailable</h1>' +
    '<p>The server is temporarily unable to service your request.</p></body></html>\n'
  );
}
