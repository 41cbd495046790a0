import { describe, expect, it } from 'vitest';
import { PRIVATE_SCALAR_DEFAULTS, scalarConfiguration } from './scalar-configuration';

describe('scalarConfiguration', () => {
  it('keeps Scalar from calling out by default and points it at the document', () => {
    expect(scalarConfiguration(undefined, '../schema/')).toEqual({
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      showDeveloperTools: 'never',
      url: '../schema/',
    });
  });

  it("lets the user's options win, merging object defaults one level deep", () => {
    const configuration = scalarConfiguration(
      { theme: 'purple', hideModels: true, withDefaultFonts: true, agent: { hideAddApi: true } },
      '../schema/',
    );
    expect(configuration).toMatchObject({
      theme: 'purple',
      hideModels: true,
      withDefaultFonts: true,
      agent: { disabled: true, hideAddApi: true },
    });
  });

  it('always uses schemaUrl for the document', () => {
    expect(scalarConfiguration({ url: 'https://elsewhere/openapi.json' }, '../schema/').url).toBe(
      '../schema/',
    );
  });

  it('does not let callers mutate the defaults', () => {
    expect(Object.isFrozen(PRIVATE_SCALAR_DEFAULTS)).toBe(true);
    expect(Object.isFrozen(PRIVATE_SCALAR_DEFAULTS.agent)).toBe(true);
  });
});
