/**
 * Laravel pagination (szchat-go pagination.go): `?page=&limit=&paginate=1` answers
 * `{current_page, data, total, per_page, last_page, from, to, …}`. Page 1 first, asking for the
 * largest page (`limit=1000`; a server that clamps answers its own `per_page`, one that refuses
 * the size is asked again at 100); once `last_page` is known, the other pages are fetched
 * concurrently (the client's limiter bounds them). An endpoint answering a bare array is taken as
 * the whole list.
 *
 * A partial read must never become a plan (a missing page plans creates of objects that exist,
 * which apply then duplicates), so every answer is checked against the others and the read fails
 * with PROVIDER_INCOMPLETE_READ when the list cannot be proved complete: a 2xx body that is not
 * JSON or has no `data` array, items without a usable `_id`, an id on two pages, `current_page`,
 * `last_page` or `total` that move between pages, a page that repeats page 1 (a server that ignores
 * `page`), a page count beyond what `total`/`per_page` allow, or items received ≠ `total`. A list
 * that fails this way is read once more from page 1 (a tenant being edited while it is read moves
 * its totals); a second failure is final.
 */
import { IncompleteReadError, RemoteError } from '../../cli/core/errors.js';
import { API_PREFIX, type ConectaHttpClient } from './http-client.js';
import type { WireObject } from './mappers/types.js';

/** The page size asked for first; the server's `per_page` says what it gave. */
export const PAGE_SIZE = 1000;
/** Asked for instead when the server refuses PAGE_SIZE (the usual Laravel ceiling [INF]). */
export const FALLBACK_PAGE_SIZE = 100;
/** No list is read past this many pages, whatever the server says. */
export const MAX_PAGES = 10_000;
/** Whole-list reads of one list before an inconsistency is final. */
const READ_ATTEMPTS = 2;

export interface ListRead {
  /** What is read, for messages: `teams`. */
  what: string;
  /** A list filter (`name=`), for lookups by natural key. */
  filter?: Record<string, string>;
}

/** The page size each client's tenant accepted (so a refusal of PAGE_SIZE is paid once per run). */
const acceptedPageSize = new WeakMap<ConectaHttpClient, number>();

export async function fetchAllPages(client: ConectaHttpClient, path: string, read: ListRead): Promise<WireObject[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await readList(client, path, read);
    } catch (error) {
      if (!(error instanceof IncompleteReadError) || attempt >= READ_ATTEMPTS) throw error;
    }
  }
}

interface PageMeta {
  currentPage: number | undefined;
  lastPage: number | undefined;
  total: number | undefined;
  perPage: number | undefined;
}

async function readList(client: ConectaHttpClient, path: string, read: ListRead): Promise<WireObject[]> {
  const fail = (page: number, problem: string): IncompleteReadError => new IncompleteReadError({ what: read.what, path: `${API_PREFIX}${path}`, page, problem });
  const { answer: first, limit } = await readFirstPage(client, path, read.filter ?? {});
  if (Array.isArray(first)) return checkItems(first, 1, fail);
  const firstPage = readEnvelope(first, 1, fail);
  const meta = firstPage.meta;
  if (meta.currentPage !== undefined && meta.currentPage !== 1) throw fail(1, `it answered current_page ${meta.currentPage}`);
  const perPage = meta.perPage ?? limit;
  if (perPage < 1) throw fail(1, `per_page is ${perPage}`);
  if (firstPage.items.length > perPage) throw fail(1, `it holds ${firstPage.items.length} items, more than its per_page ${perPage}`);
  const lastPage = countPages(meta, perPage, firstPage.items.length, fail);

  const rest = await Promise.all(Array.from({ length: lastPage - 1 }, async (_, index) => {
    const page = index + 2;
    const answer = await client.get(path, { ...read.filter, paginate: 1, limit, page });
    return { page, ...readEnvelope(answer, page, fail) };
  }));

  const pageOfId = new Map<string, number>();
  const objects: WireObject[] = [];
  for (const { page, items, meta: pageMeta } of [{ page: 1, ...firstPage }, ...rest]) {
    if (page > 1) checkAgainstFirst(page, pageMeta, meta, items, pageOfId, fail);
    if (items.length > perPage) throw fail(page, `it holds ${items.length} items, more than per_page ${perPage}`);
    for (const item of checkItems(items, page, fail)) {
      const id = item._id as string;
      const seenOn = pageOfId.get(id);
      if (seenOn !== undefined) throw fail(page, `id ${id} was already on page ${seenOn}`);
      pageOfId.set(id, page);
      objects.push(item);
    }
  }
  if (meta.total !== undefined && objects.length !== meta.total) {
    throw fail(lastPage, `${objects.length} items were received over ${lastPage} page(s), but the list says total ${meta.total}`);
  }
  return objects;
}

/** Page 1 at PAGE_SIZE, or at FALLBACK_PAGE_SIZE when the tenant refuses the larger size. */
async function readFirstPage(client: ConectaHttpClient, path: string, filter: Record<string, string>): Promise<{ answer: unknown; limit: number }> {
  const limit = acceptedPageSize.get(client) ?? PAGE_SIZE;
  try {
    const answer = await client.get(path, { ...filter, paginate: 1, limit, page: 1 });
    acceptedPageSize.set(client, limit);
    return { answer, limit };
  } catch (error) {
    const isRefusal = error instanceof RemoteError && (error.status === 400 || error.status === 422);
    if (!isRefusal || limit === FALLBACK_PAGE_SIZE) throw error;
    const answer = await client.get(path, { ...filter, paginate: 1, limit: FALLBACK_PAGE_SIZE, page: 1 });
    acceptedPageSize.set(client, FALLBACK_PAGE_SIZE);
    return { answer, limit: FALLBACK_PAGE_SIZE };
  }
}

type Fail = (page: number, problem: string) => IncompleteReadError;

function readEnvelope(answer: unknown, page: number, fail: Fail): { items: unknown[]; meta: PageMeta } {
  if (answer === undefined) throw fail(page, 'the 2xx answer is not JSON (empty, truncated or garbled body)');
  if (!isObject(answer)) throw fail(page, `the 2xx answer is ${Array.isArray(answer) ? 'a bare array on a later page' : `JSON ${typeof answer}`}, not a page envelope`);
  if (!Array.isArray(answer.data)) throw fail(page, `its "data" is ${answer.data === undefined ? 'missing' : answer.data === null ? 'null' : `not a list (${typeof answer.data})`}`);
  return {
    items: answer.data,
    meta: {
      currentPage: readCount(answer, 'current_page', page, fail),
      lastPage: readCount(answer, 'last_page', page, fail),
      total: readCount(answer, 'total', page, fail),
      perPage: readCount(answer, 'per_page', page, fail),
    },
  };
}

/** A whole number ≥ 0 (Laravel may send `per_page` as a string); undefined when absent. */
function readCount(answer: WireObject, key: string, page: number, fail: Fail): number | undefined {
  const value = answer[key];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) throw fail(page, `its "${key}" is ${JSON.stringify(value)}, not a count`);
  return number;
}

/** How many pages to read: `last_page`, checked against the ceiling `total`/`per_page` allow. */
function countPages(meta: PageMeta, perPage: number, firstCount: number, fail: Fail): number {
  const ceiling = meta.total === undefined ? undefined : Math.max(1, Math.ceil(meta.total / perPage));
  if (meta.lastPage === undefined && ceiling === undefined) {
    if (firstCount < perPage) return 1;
    throw fail(1, 'it says neither last_page nor total, so the list cannot be proved complete');
  }
  const lastPage = meta.lastPage ?? (ceiling as number);
  if (lastPage < 1) throw fail(1, `last_page is ${lastPage}`);
  if (ceiling !== undefined && lastPage !== ceiling) {
    throw fail(1, `last_page ${lastPage} disagrees with total ${meta.total} at ${perPage} per page (${ceiling} page(s))`);
  }
  if (lastPage > MAX_PAGES) throw fail(1, `last_page ${lastPage} is past the ceiling of ${MAX_PAGES} pages`);
  return lastPage;
}

function checkAgainstFirst(page: number, meta: PageMeta, first: PageMeta, items: unknown[], pageOfId: ReadonlyMap<string, number>, fail: Fail): void {
  if (meta.currentPage !== undefined && meta.currentPage !== page) {
    throw fail(page, `it answered current_page ${meta.currentPage} (the server seems to ignore "page")`);
  }
  if (items.length > 0 && items.every((item) => isObject(item) && typeof item._id === 'string' && pageOfId.get(item._id) === 1)) {
    throw fail(page, 'it repeats page 1\'s items (the server seems to ignore "page")');
  }
  if (meta.lastPage !== undefined && first.lastPage !== undefined && meta.lastPage !== first.lastPage) {
    throw fail(page, `last_page moved from ${first.lastPage} (page 1) to ${meta.lastPage}`);
  }
  if (meta.total !== undefined && first.total !== undefined && meta.total !== first.total) {
    throw fail(page, `total moved from ${first.total} (page 1) to ${meta.total}`);
  }
}

/** Every item is an object with a non-empty string `_id`. */
function checkItems(items: readonly unknown[], page: number, fail: Fail): WireObject[] {
  for (const [index, item] of items.entries()) {
    if (!isObject(item)) throw fail(page, `item ${index + 1} is ${item === null ? 'null' : typeof item}, not an object`);
    if (typeof item._id !== 'string' || item._id.trim() === '') throw fail(page, `item ${index + 1} has no usable _id (${JSON.stringify(item._id) ?? 'missing'})`);
  }
  return items as WireObject[];
}

function isObject(value: unknown): value is WireObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
