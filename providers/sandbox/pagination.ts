// Laravel's LengthAwarePaginator envelope, as szchat-go's PaginatedResponse decodes it.
//
// Query: `page` (default 1; invalid values mean 1), `limit` (default 15, Laravel's default
// [INF]; clamped to 1..100, the sandbox's maximum page size [INF]) and `paginate` ("0" or
// "false" returns a plain array of every record [INF]). As Laravel does without appends(),
// the page URLs carry only `page`: a client must build its own URLs to keep its `limit`.

export const DEFAULT_PAGE_SIZE = 15;
export const MAX_PAGE_SIZE = 100;

export interface PageEnvelope<T> {
  current_page: number;
  data: T[];
  total: number;
  per_page: number;
  last_page: number;
  from: number | null;
  to: number | null;
  path: string;
  first_page_url: string;
  last_page_url: string;
  next_page_url: string | null;
  prev_page_url: string | null;
}

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

export function isUnpaginated(query: URLSearchParams): boolean {
  const flag = query.get('paginate');
  return flag === '0' || flag === 'false';
}

export function paginate<T>(items: readonly T[], query: URLSearchParams, path: string): PageEnvelope<T> {
  const perPage = Math.min(MAX_PAGE_SIZE, positiveInt(query.get('limit')) ?? DEFAULT_PAGE_SIZE);
  const page = positiveInt(query.get('page')) ?? 1;
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const start = (page - 1) * perPage;
  const data = items.slice(start, start + perPage);
  const url = (n: number): string => `${path}?page=${n}`;
  return {
    current_page: page,
    data,
    total,
    per_page: perPage,
    last_page: lastPage,
    from: data.length > 0 ? start + 1 : null,
    to: data.length > 0 ? start + data.length : null,
    path,
    first_page_url: url(1),
    last_page_url: url(lastPage),
    next_page_url: page < lastPage ? url(page + 1) : null,
    prev_page_url: page > 1 ? url(page - 1) : null,
  };
}
