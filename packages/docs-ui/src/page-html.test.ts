import { describe, expect, it } from 'vitest';
import { renderPage } from './page-html';

const ATTACK = '</script><script>alert(1)</script><!--';

function decodeAttribute(value: string): string {
  return value.replace(/&(quot|#39|lt|gt|amp);/g, (_match, name: string) => {
    const entities: Record<string, string> = { quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&' };
    return entities[name]!;
  });
}

/** Reads the configuration back the way Scalar 1.46's bundle does (getAttribute, then its &quot; fix-up). */
function configurationSeenByScalar(html: string): unknown {
  const attribute = /data-configuration="([^"]*)"/.exec(html)?.[1];
  if (attribute === undefined) throw new Error('no data-configuration attribute in the page');
  return JSON.parse(decodeAttribute(attribute).split('&quot;').join('"'));
}

describe('renderPage', () => {
  const base = { title: 'Warming API', configuration: { url: '../schema/' }, scriptSrc: './scalar.js?v=1' };

  it('loads the script from scriptSrc and has no inline script', () => {
    const html = renderPage(base);
    expect(html).toContain('<script src="./scalar.js?v=1"></script>');
    expect(html).toContain('<script id="api-reference" type="application/json" data-configuration="');
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('escapes the title', () => {
    const html = renderPage({ ...base, title: `${ATTACK} & "quotes"` });
    expect(html).toContain(
      '<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &amp; &quot;quotes&quot;</title>',
    );
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('cannot be broken out of through the configuration, which reaches Scalar intact', () => {
    const configuration = {
      url: '../schema/',
      customCss: `${ATTACK} body { content: "&quot;'" }`,
      metaData: { [ATTACK]: ATTACK },
    };
    const html = renderPage({ ...base, configuration });
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(configurationSeenByScalar(html)).toEqual(configuration);
  });
});
