import { MAX_PAGE_SIZE, type PaginationKind } from '@flama/schema';
import type { z } from 'zod';
import { IntegrityError, MultipleRecordsError, NotFoundError, RepositoryError } from '../errors';
import type { ListOptions, Repository, StreamOptions } from './repository';

/** The remote resource answered something other than what a CRUD resource answers. */
export class HTTPRepositoryError extends RepositoryError {
  override name = 'HTTPRepositoryError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface HTTPRepositoryOptions<S extends z.ZodObject> {
  /** The remote CRUD resource's URL, e.g. `http://users.internal/user/`. */
  url: string;
  /** Reads the items it returns. */
  schema: S;
  /** The property holding an item's id (default `id`). */
  key?: string;
  /** How the remote resource paginates `GET /` (default page-number). */
  pagination?: PaginationKind;
  /** Sent with every request (authorization, for instance). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/** Equality by field (`null`: is null), as the remote resource's query filters express it. */
export type HTTPFilters<Item> = { [K in keyof Item]?: Item[K] | null };

type Values = Record<string, unknown>;

/**
 * A repository over a remote Flama CRUD resource (`crudResource`), with the methods of a table repository:
 * 400 and 409 answers become IntegrityError, 404 NotFoundError. Each call is its own request, so an `update` or
 * `delete` touching several items is not atomic.
 */
export class HTTPRepository<S extends z.ZodObject, Item extends Values = z.output<S>>
  implements Repository<Item, Partial<Item>, HTTPFilters<Item>>
{
  private readonly base: string;
  private readonly key: string;
  private readonly name: string;

  constructor(private readonly options: HTTPRepositoryOptions<S>) {
    this.base = options.url.endsWith('/') ? options.url : `${options.url}/`;
    this.key = options.key ?? 'id';
    this.name = new URL(this.base).pathname.split('/').filter(Boolean).pop() ?? this.base;
  }

  async create(...rows: Partial<Item>[]): Promise<Item[]> {
    const created: Item[] = [];
    for (const row of rows) created.push(this.item(await this.send('POST', '', undefined, row)));
    return created;
  }

  async retrieve(filters: HTTPFilters<Item>): Promise<Item> {
    const names = Object.keys(filters);
    if (names.length === 1 && names[0] === this.key && filters[this.key] != null) {
      return this.item(await this.send('GET', this.itemPath(filters[this.key])));
    }
    const found = await this.list(filters, { limit: 2 });
    if (found.length === 0) throw new NotFoundError(this.name);
    if (found.length > 1) throw new MultipleRecordsError(this.name);
    return found[0]!;
  }

  async update(values: Partial<Item>, filters: HTTPFilters<Item>): Promise<Item[]> {
    const ids: unknown[] = [];
    for await (const item of this.stream(filters)) ids.push(item[this.key]);
    const updated: Item[] = [];
    for (const id of ids)
      updated.push(this.item(await this.send('PATCH', this.itemPath(id), undefined, values)));
    return updated;
  }

  async delete(filters: HTTPFilters<Item>): Promise<void> {
    const item = await this.retrieve(filters);
    await this.send('DELETE', this.itemPath(item[this.key]));
  }

  async list(filters: HTTPFilters<Item>, options: ListOptions<Extract<keyof Item, string>>): Promise<Item[]> {
    const { offset = 0, orderBy, direction = 'asc' } = options;
    const query = this.query(filters);
    if (orderBy) query.set('order', direction === 'desc' ? `-${orderBy}` : orderBy);
    const items: Item[] = [];
    while (items.length < options.limit) {
      const limit = Math.min(options.limit - items.length, MAX_PAGE_SIZE);
      const slice = await this.slice(query, offset + items.length, limit);
      items.push(...slice);
      if (slice.length < limit) break;
    }
    return items;
  }

  async *stream(filters?: HTTPFilters<Item>, options: StreamOptions = {}): AsyncGenerator<Item> {
    const limit = Math.min(options.batchSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    for (let offset = 0; ; offset += limit) {
      const batch = await this.list(filters ?? {}, {
        limit,
        offset,
        orderBy: this.key as Extract<keyof Item, string>,
      });
      yield* batch;
      if (batch.length < limit) return;
    }
  }

  async count(filters?: HTTPFilters<Item>): Promise<number> {
    const query = this.query(filters ?? {});
    query.set('count', 'true');
    query.set(this.options.pagination === 'limit-offset' ? 'limit' : 'page_size', '1');
    const page = (await this.send('GET', '', query)) as { meta?: { count?: unknown } };
    if (typeof page?.meta?.count !== 'number') throw this.unexpected('a page without a count');
    return page.meta.count;
  }

  async drop(filters?: HTTPFilters<Item>): Promise<number> {
    const answer = (await this.send('DELETE', '', this.query(filters ?? {}))) as { deleted?: unknown };
    if (typeof answer?.deleted !== 'number') throw this.unexpected('no count of deleted items');
    return answer.deleted;
  }

  /** `limit` items from `offset`, in at most two requests to a page-number resource. */
  private async slice(query: URLSearchParams, offset: number, limit: number): Promise<Item[]> {
    const page = (params: Record<string, number>) => {
      const paged = new URLSearchParams(query);
      for (const [name, value] of Object.entries(params)) paged.set(name, String(value));
      return this.send('GET', '', paged).then((body) => this.items(body));
    };
    if (this.options.pagination === 'limit-offset') return page({ limit, offset });
    const first = Math.floor(offset / limit) + 1;
    const skip = offset - (first - 1) * limit;
    const items = await page({ page: first, page_size: limit });
    if (skip > 0 && items.length === limit)
      items.push(...(await page({ page: first + 1, page_size: limit })));
    return items.slice(skip, skip + limit);
  }

  private query(filters: HTTPFilters<Item>): URLSearchParams {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) {
      if (value === undefined)
        throw new TypeError(`The filter "${name}" is undefined; pass null for "is null".`);
      query.append(
        name,
        value === null ? 'isnull' : `eq:${value instanceof Date ? value.toISOString() : String(value)}`,
      );
    }
    return query;
  }

  private itemPath(id: unknown): string {
    return `${encodeURIComponent(String(id))}/`;
  }

  private async send(
    method: string,
    path: string,
    query?: URLSearchParams,
    body?: unknown,
  ): Promise<unknown> {
    const url = `${this.base}${path}${query && query.size > 0 ? `?${query}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await (this.options.fetch ?? fetch)(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 204) return undefined;
    const answer = await response.json().catch(() => undefined);
    if (response.ok) {
      if (answer === undefined)
        throw new HTTPRepositoryError(response.status, `${method} ${url} answered no JSON.`);
      return answer;
    }
    if (response.status === 404) throw new NotFoundError(this.name);
    // A write refused for its data; a 400 to a read is a bad query, reported as is.
    const refused = response.status === 409 || (response.status === 400 && body !== undefined);
    if (refused) throw new IntegrityError('rejected', this.name, undefined);
    const detail = (answer as { detail?: unknown } | undefined)?.detail;
    const reason = detail === undefined ? '' : `: ${JSON.stringify(detail)}`;
    throw new HTTPRepositoryError(response.status, `${method} ${url} answered ${response.status}${reason}`);
  }

  private items(body: unknown): Item[] {
    const data = (body as { data?: unknown })?.data;
    if (!Array.isArray(data)) throw this.unexpected('a page without data');
    return data.map((item) => this.item(item));
  }

  private item(body: unknown): Item {
    const parsed = this.options.schema.safeParse(body);
    if (!parsed.success) throw this.unexpected(`an item its schema rejects (${parsed.error.message})`);
    return parsed.data as Item;
  }

  private unexpected(what: string): HTTPRepositoryError {
    return new HTTPRepositoryError(200, `${this.base} answered ${what}; is it a Flama CRUD resource?`);
  }
}
