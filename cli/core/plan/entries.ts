/** Resources paired with their normalised spec, as the plan builder works on them. */
import type { DesiredResource, LiveResource, Spec } from '../model/resource.js';

export interface DesiredEntry {
  resource: DesiredResource;
  /** Normalised, write-only fields included. */
  spec: Spec;
  identity: string;
}

export interface LiveEntry {
  resource: LiveResource;
  /** Normalised. */
  spec: Spec;
  identity: string;
}
