import { describe, expect, expectTypeOf, it } from 'vitest';
import { joinPaths, type PathParamsOf, PathTemplate, PathTemplateError } from './path-template';

describe('PathTemplate', () => {
  it('turns typed segments into Hono patterns and OpenAPI paths', () => {
    const template = new PathTemplate('/user/{id:int}/orders/{order:uuid}/');
    expect(template.hono).toBe(
      '/user/:id{-?[0-9]+}/orders/:order{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/',
    );
    expect(template.openapi).toBe('/user/{id}/orders/{order}/');
    expect(template.params.map((param) => [param.name, param.converter])).toEqual([
      ['id', 'int'],
      ['order', 'uuid'],
    ]);
  });

  it('converts raw segments to their declared types', () => {
    const template = new PathTemplate('/{a:int}/{b:float}/{c}/{d:path}');
    expect(template.convert({ a: '-3', b: '2.5', c: 'x', d: 'p/q' })).toEqual({
      a: -3,
      b: 2.5,
      c: 'x',
      d: 'p/q',
    });
  });

  it('formats URLs, encoding values and checking their types', () => {
    const template = new PathTemplate('/user/{id:int}/{name}/');
    expect(template.format({ id: 7, name: 'a b/c' })).toBe('/user/7/a%20b%2Fc/');
    expect(() => template.format({ id: 'x', name: 'a' })).toThrow('Value "x" for "id" is not a valid int');
    expect(() => template.format({ id: 1 })).toThrow('Missing value for "name"');
  });

  it.each([
    ['/user/{id:integer}/', 'unknown type "integer"'],
    ['/user/{1d}/', 'malformed parameter'],
    ['/user/{id}/{id}/', 'repeats the parameter "id"'],
    ['/user/{id/', 'unbalanced'],
    ['user/', 'must start with "/"'],
  ])('rejects %s', (path, message) => {
    expect(() => new PathTemplate(path)).toThrow(PathTemplateError);
    expect(() => new PathTemplate(path)).toThrow(message);
  });

  it('joins mount prefixes by whole segments', () => {
    expect(joinPaths('/api', '/users/')).toBe('/api/users/');
    expect(joinPaths('/api/', '/')).toBe('/api/');
    expect(new PathTemplate('/{id:int}').prefixed('/v1').template).toBe('/v1/{id:int}');
  });

  it('types path params from the template', () => {
    expectTypeOf<PathParamsOf<'/user/{id:int}/{name}/{price:float}'>>().toEqualTypeOf<
      { id: number } & { name: string } & { price: number } & Record<never, never>
    >();
  });
});
