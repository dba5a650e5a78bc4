/** What every per-kind mapping module provides: wire ⇄ model for one kind. */
import type { Kind, Spec } from '../../../cli/core/model/resource.js';

/** A JSON object as the vendor sends it. */
export type WireObject = Record<string, unknown>;

export interface ReadContext {
  /** The name (e-mail for people) of the object of `kind` with this id; undefined when unknown. */
  nameOf(kind: Kind, id: string): string | undefined;
  /** Records a live value that has no model equivalent. */
  notice(field: string, message: string): void;
}

export interface WriteContext {
  /** The id of the object of `kind` named `name`; throws a clear error when there is none. */
  idOf(kind: Kind, name: string): string;
  /** The natural key (name, e-mail) of an object of `kind` by id. */
  nameOf(kind: Kind, id: string): string | undefined;
  /** The live wire object of `kind` by id (for denormalised values the wire repeats, such as an agent's `name`). */
  wireOf(kind: Kind, id: string): WireObject | undefined;
}

export interface KindMapper {
  kind: Kind;
  /** Collection paths under /api/v4 (two for word filters). */
  endpoints: readonly string[];
  /** Kinds whose lists are needed to turn this kind's ids into names. */
  refersTo: readonly Kind[];
  /** The wire field holding the natural key; a live object must carry it as a non-empty string. */
  wireKeyField: string;
  /** The display name of a wire object (its natural key), undefined when it has none. */
  nameOfWire(wire: WireObject, endpoint: string): string | undefined;
  /** The endpoint an object belongs to (word filters: by list). */
  endpointOf(spec: Spec): string;
  toSpec(wire: WireObject, context: ReadContext, endpoint: string): Spec;
  /** The request body; `previous` is the live wire object on update, to keep unmanaged fields. */
  toWire(spec: Spec, context: WriteContext, previous: WireObject | undefined): WireObject;
  /**
   * Keys this kind's server owns beyond COMMON_READ_ONLY. The provider strips both lists from
   * every body it sends (create and update, whatever `toWire` or the live object holds), so a
   * mapper cannot echo `_id` or a timestamp back by forgetting them.
   */
  readOnlyKeys: readonly string[];
  /**
   * Wire keys the create request cannot carry (szchat-go AdminRequest has no `language` nor
   * `status`): left out of the POST and sent in an update right after it, when the created
   * object does not already hold the config's value for `updateOnlyFields` (their model fields).
   */
  updateOnlyKeys?: readonly string[];
  updateOnlyFields?: readonly string[];
  /** `PUT` takes only the fields to change (admins, szchat-go admin.go Update). */
  isPartialUpdate?: boolean;
  /** The list filter that narrows a lookup by natural key, where the API has one. */
  keyFilter?(name: string): Record<string, string>;
  /** A direct lookup by natural key (agents: `GET /agents/email/{email}`). */
  keyLookupPath?(name: string): string;
}

/** Keys every stored object carries and the server owns (szchat-go structs: `_id`, `created_at`, `updated_at`); never sent. */
export const COMMON_READ_ONLY = ['_id', 'created_at', 'updated_at'] as const;
