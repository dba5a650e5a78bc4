/**
 * Mensagens Predefinidas ⇄ `/predefined_messages` `{_id, description, message: [{type, message}]}`
 * (szchat-go predefined_message.go). The model's `name` is `description` and its `text` is the
 * message parts; `type` is set by the server (seen: "text") and is not sent.
 * [INF] Several parts are joined with a blank line on read; the client writes one part.
 */
import type { KindMapper, WireObject } from './types.js';
import { readString, specString } from './wire-values.js';

const PART_SEPARATOR = '\n\n';

export const predefinedMessageMapper: KindMapper = {
  kind: 'predefined-message',
  endpoints: ['/predefined_messages'],
  refersTo: [],
  readOnlyKeys: [],
  wireKeyField: 'description',
  nameOfWire: (wire) => readString(wire, 'description') || undefined,
  endpointOf: () => '/predefined_messages',
  toSpec: (wire, context) => {
    const parts = Array.isArray(wire.message) ? (wire.message as unknown[]) : [];
    const texts: string[] = [];
    for (const part of parts) {
      if (part === null || typeof part !== 'object') continue;
      const type = readString(part as WireObject, 'type');
      if (type !== '' && type !== 'text') context.notice('text', `a message part of type "${type}" is not managed; only its text is kept`);
      texts.push(readString(part as WireObject, 'message'));
    }
    if (typeof wire.message === 'string') texts.push(wire.message);
    if (texts.length > 1) context.notice('text', `the message has ${texts.length} parts; they are shown joined by a blank line and an update writes them as one part`);
    return { name: readString(wire, 'description'), text: texts.join(PART_SEPARATOR) };
  },
  toWire: (spec) => ({ description: specString(spec, 'name'), message: [{ message: specString(spec, 'text') }] }),
};
