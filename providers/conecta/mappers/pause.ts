/**
 * Pausas ⇄ `/pauses` (szchat-go pause.go): `{_id, name, description, initialTime, maxTime,
 * active, productive, message, cumulative, supervisioned (sic), continue_attendance}`.
 * [INF] `maxTime` counts seconds (the README's "Almoço" example uses 3600) ⇄ `maxDuration`.
 * `initialTime` has no known meaning: it is not managed and kept as it is on update.
 * Every field is `omitempty` in the Go struct, so an absent boolean reads as false.
 */
import { formatDuration, parseDurationSeconds } from './duration.js';
import type { KindMapper } from './types.js';
import { readBoolean, readInteger, readString, specBoolean, specString } from './wire-values.js';

export const pauseMapper: KindMapper = {
  kind: 'pause',
  endpoints: ['/pauses'],
  refersTo: [],
  readOnlyKeys: [],
  wireKeyField: 'name',
  nameOfWire: (wire) => readString(wire, 'name') || undefined,
  endpointOf: () => '/pauses',
  toSpec: (wire) => ({
    name: readString(wire, 'name'),
    description: readString(wire, 'description'),
    maxDuration: formatDuration(readInteger(wire, 'maxTime'), 's'),
    productive: readBoolean(wire, 'productive'),
    cumulative: readBoolean(wire, 'cumulative'),
    supervised: readBoolean(wire, 'supervisioned'),
    continueAttendances: readBoolean(wire, 'continue_attendance'),
    active: readBoolean(wire, 'active'),
    message: readString(wire, 'message'),
  }),
  toWire: (spec) => ({
    name: specString(spec, 'name'),
    description: specString(spec, 'description'),
    maxTime: parseDurationSeconds(specString(spec, 'maxDuration') || '0s'),
    productive: specBoolean(spec, 'productive'),
    cumulative: specBoolean(spec, 'cumulative'),
    supervisioned: specBoolean(spec, 'supervised'),
    continue_attendance: specBoolean(spec, 'continueAttendances'),
    active: specBoolean(spec, 'active'),
    message: specString(spec, 'message'),
  }),
};
