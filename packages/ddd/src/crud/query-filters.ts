import { stringInputParser, ValidationError } from '@flama/schema';
import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { drizzleOrm } from '../optional-package';
import { columnKind } from './column-kinds';
import { isOperatorName, type OperatorName, operators, operatorsFor } from './filter-operators';

interface Filterable {
  column: PgColumn;
  operators: OperatorName[];
  read: (text: string) => unknown;
}

interface Condition {
  operator: OperatorName;
  negated: boolean;
  value: unknown;
}

const NEGATION = 'not:';

/**
 * The filters of a collection, from its query string: `?col=value` or `?col=op:value` with the operators
 * eq gt gte lt lte in contains startswith endswith isnull, `not:` before any of them to negate it. Repeats of
 * a column are ANDed, except `in:` whose repeats make one list (`?tag=in:a&tag=in:b`); a comma is part of a value.
 * A value starting with a word and a colon that is no operator is refused: write `eq:` before such a value.
 * Built once per resource, from the columns its output schema shows.
 */
export class QueryFilters {
  private readonly filters = new Map<string, Filterable>();

  constructor(
    table: PgTable,
    output: z.ZodObject,
    /** Query parameters that are not filters (pagination, ordering): columns named so can't be filtered. */
    private readonly reserved: readonly string[],
  ) {
    const columns: Record<string, PgColumn> = drizzleOrm().getTableColumns(table);
    for (const name of Object.keys(output.shape)) {
      const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
      const kind = column && !reserved.includes(name) ? columnKind(column) : undefined;
      if (!column || !kind) continue;
      const parse = stringInputParser(z.object({ [name]: kind.value }), 'query');
      this.filters.set(name, {
        column,
        operators: operatorsFor(kind),
        read: (text) => parse({ [name]: text })[name],
      });
    }
  }

  get names(): string[] {
    return [...this.filters.keys()];
  }

  /** The query fields documenting the filters (each a list, since a filter may repeat). */
  schemaShape(): Record<string, z.ZodType> {
    const shape: Record<string, z.ZodType> = {};
    for (const [name, filter] of this.filters) {
      shape[name] = z
        .array(z.string())
        .optional()
        .describe(`Filter: \`value\` or \`op:value\` (${filter.operators.join(', ')}), \`not:\` to negate.`);
    }
    return shape;
  }

  /** The condition a query string asks for, or undefined for every row; a ValidationError says what is wrong. */
  condition(query: URLSearchParams): SQL | undefined {
    const conditions: SQL[] = [];
    for (const name of new Set(query.keys())) {
      if (this.reserved.includes(name)) continue;
      const filter = this.filters.get(name);
      if (!filter) throw this.unknown(name);
      const parsed = query.getAll(name).map((text) => parse(name, filter, text));
      conditions.push(...combine(filter.column, parsed));
    }
    return conditions.length > 1 ? drizzleOrm().and(...conditions) : conditions[0];
  }

  private unknown(name: string): ValidationError {
    const filters =
      this.names.length > 0 ? `filter by ${this.names.join(', ')}` : 'no column can be filtered';
    const others = this.reserved.length > 0 ? `; the other parameters are ${this.reserved.join(', ')}` : '';
    return invalid(name, `Unknown query parameter: ${filters}${others}.`);
  }
}

function parse(name: string, filter: Filterable, raw: string): Condition {
  const negated = raw.startsWith(NEGATION);
  const [operator, value] = split(name, filter, negated ? raw.slice(NEGATION.length) : raw);
  if (!filter.operators.includes(operator)) {
    throw invalid(
      name,
      `Operator '${operator}' does not apply to ${name}: use one of ${filter.operators.join(', ')}.`,
    );
  }
  return { operator, negated, value: value === undefined ? undefined : filter.read(value) };
}

/** The operator of a filter value and the text of its value: `gte:18`, `isnull`, or a bare value (eq). */
function split(name: string, filter: Filterable, text: string): [OperatorName, string | undefined] {
  if (text === 'isnull') return ['isnull', undefined];
  const colon = text.indexOf(':');
  const prefix = colon > 0 ? text.slice(0, colon) : '';
  if (prefix === 'isnull')
    throw invalid(name, "Operator 'isnull' takes no value: write isnull or not:isnull.");
  if (isOperatorName(prefix)) return [prefix, text.slice(colon + 1)];
  if (/^[a-z]+$/i.test(prefix)) {
    const choices = filter.operators.join(', ');
    throw invalid(
      name,
      `Unknown operator '${prefix}': use one of ${choices}, or eq:${text} for this exact value.`,
    );
  }
  return ['eq', text];
}

/** One SQL condition per parsed filter, except `in` whose values (per negation) make one list. */
function combine(column: PgColumn, parsed: Condition[]): SQL[] {
  const conditions: SQL[] = [];
  const lists = new Map<boolean, unknown[]>();
  const orm = drizzleOrm();
  for (const { operator, negated, value } of parsed) {
    if (operator === 'in') lists.set(negated, [...(lists.get(negated) ?? []), value]);
    else conditions.push(negate(operators[operator].condition(column, value, orm), negated));
  }
  for (const [negated, values] of lists)
    conditions.push(negate(operators.in.condition(column, values, orm), negated));
  return conditions;
}

function negate(condition: SQL, negated: boolean): SQL {
  return negated ? drizzleOrm().not(condition) : condition;
}

function invalid(name: string, message: string): ValidationError {
  // A computed key, so that a parameter named "__proto__" stays a plain key.
  return new ValidationError({ [name]: [message] });
}
