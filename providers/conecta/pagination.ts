/**
 * Laravel pagination (szchat-go pagination.go): `?page=&limit=&paginate=1` answers
 * `{current_page, data, total, per_page, last_page, from, to, …}`. Page 1 first; once
 * `last_page` is known, the other pages are fetched concurrently (the client's limiter bounds
 * them). An endpoint answering a bare array is taken as the whole list.
 */
import type { ConectaHttpClient } from './http-client.js';
import type { WireObject } from './mappers/types.js';

/** No evidence of the API's largest page size; 100 is the usual Laravel ceiling [INF]. */
export const PAGE_SIZE = 100;

export async function fetchAllPages(client: ConectaHttpClient, path: string, filter: Record<string, string> = {}): Promise<WireObject[]> {
  const first = await client.get(path, { ...filter, paginate: 1, limit: PAGE_SIZE, page: 1 });
  if (Array.isArray(first)) return first.filter(isObject);
  const page = isObject(first) ? first : {};
  const lastPage = typeof page.last_page === 'number' ? page.last_page : Number(page.last_page ?? 1) || 1;
  const rest = await Promise.all(Array.from({ length: Math.max(0, lastPage - 1) }, (_, index) =>
    client.get(path, { ...filter, paginate: 1, limit: PAGE_SIZE, page: index + 2 })));
  const seen = new Set<string>();
  const objects: WireObject[] = [];
  for (const answer of [page, ...rest]) {
    const data = isObject(answer) && Array.isArray(answer.data) ? answer.data : [];
    for (const item of data) {
      if (!isObject(item)) continue;
      const id = typeof item._id === 'string' ? item._id : undefined;
      if (id !== undefined && seen.has(id)) continue;
      if (id !== undefined) seen.add(id);
      objects.push(item);
    }
  }
  return objects;
}

function isObject(value: unknown): value is WireObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
