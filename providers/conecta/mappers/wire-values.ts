/**
 * Tolerant readers for wire values. szchat-go tags most fields `omitempty`, so an absent key
 * means the Go zero value: "" for strings, false for booleans, 0 for numbers, [] for lists.
 */
import type { WireObject } from './types.js';

export function readString(wire: WireObject, key: string): string {
  const value = wire[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

export function readBoolean(wire: WireObject, key: string): boolean {
  const value = wire[key];
  // `master` is an int in `/admins/groups` (szchat-go admin.go AdminGroup): accept 1/"1" as true.
  return value === true || value === 1 || value === '1' || value === 'true';
}

export function readInteger(wire: WireObject, key: string): number {
  const value = wire[key];
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  // `/user/agents/campaigns` sends the team timer as strings (szchat-go agent.go AgentTeam).
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return 0;
}

export function readStrings(wire: WireObject, key: string): string[] {
  const value = wire[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}

export function readObject(wire: WireObject, key: string): WireObject {
  const value = wire[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as WireObject) : {};
}

export function readId(wire: WireObject): string {
  return readString(wire, '_id');
}

/** Names for ids, in order; ids the lists do not know are reported and left out. */
export function resolveNames(ids: string[], resolve: (id: string) => string | undefined, onMissing: (id: string) => void): string[] {
  const names: string[] = [];
  for (const id of ids) {
    const name = resolve(id);
    if (name === undefined) onMissing(id);
    else names.push(name);
  }
  return names;
}

export function specString(spec: Record<string, unknown>, key: string): string {
  const value = spec[key];
  return typeof value === 'string' ? value : '';
}

export function specStrings(spec: Record<string, unknown>, key: string): string[] {
  const value = spec[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function specBoolean(spec: Record<string, unknown>, key: string): boolean {
  return spec[key] === true;
}
