import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { scaleLinear } from 'd3-scale';
import { affine, decimate, escapeXml, renderPlot, renderSpectrumSvg, titledPlot } from './quicklook.ts';

describe('renderSpectrumSvg', () => {
  const input = { title: 'Ag 3d <sample & "x">', x: [382, 381, 380, 379], y: [10, 40, 25, 5], xLabel: 'Binding Energy', xUnit: 'eV', yLabel: 'Intensity' };

  it('writes well-formed SVG with the title escaped, axes labels and ticks', () => {
    const svg = renderSpectrumSvg(input)!;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Ag 3d &lt;sample &amp; &quot;x&quot;&gt;');
    expect(svg).toContain('Binding Energy (eV)');
    const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(svg);
    const texts = (doc.svg.g.text as { '#text': string }[]).map((t) => t['#text']);
    for (const tick of ['379', '380', '381', '382', 'Intensity']) expect(texts).toContain(tick);
  });

  it('draws binding energy high to low', () => {
    const svg = renderSpectrumSvg(input)!;
    const x382 = Number(/<text x="([\d.]+)"[^>]*>382</.exec(svg)![1]);
    const x379 = Number(/<text x="([\d.]+)"[^>]*>379</.exec(svg)![1]);
    expect(x382).toBeLessThan(x379);
    const kinetic = renderSpectrumSvg({ ...input, xLabel: 'Kinetic Energy' })!;
    expect(Number(/<text x="([\d.]+)"[^>]*>382</.exec(kinetic)![1])).toBeGreaterThan(Number(/<text x="([\d.]+)"[^>]*>379</.exec(kinetic)![1]));
  });

  it('draws the same SVG in two steps: the plot without a title, then the title', () => {
    const { title, ...spectrum } = input;
    expect(titledPlot(title, renderPlot(spectrum)!)).toBe(renderSpectrumSvg(input));
    expect(renderPlot(spectrum)).not.toContain('Ag 3d');
    expect(renderPlot({ ...spectrum, y: [1, 2] })).toBeUndefined();
  });

  it('maps points exactly as the d3 scale does, in both directions', () => {
    for (const domain of [[382, 379], [0.1, 0.7], [-5e-7, 3e-6], [4, 4]]) {
      const s = scaleLinear().domain(domain).range([64, 464]);
      const f = affine(s);
      for (let i = -2; i <= 12; i++) {
        const v = domain[0]! + ((domain[1]! - domain[0]! || 1) * i) / 10;
        expect(f(v)).toBe(s(v));
      }
    }
  });

  it('returns undefined when there is nothing to draw', () => {
    expect(renderSpectrumSvg({ ...input, x: [1], y: [2] })).toBeUndefined();
    expect(renderSpectrumSvg({ ...input, y: [1, 2] })).toBeUndefined();
    expect(renderSpectrumSvg({ ...input, y: [NaN, NaN, NaN, 1] })).toBeUndefined();
  });

  it('escapes all five XML specials', () => {
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('thins long spectra but keeps a one-point peak', () => {
    const pts: [number, number][] = Array.from({ length: 5000 }, (_, i) => [i, i === 2345 ? 1000 : Math.sin(i / 50)]);
    const thin = decimate(pts, 800);
    expect(thin.length).toBeLessThanOrEqual(800);
    expect(thin).toContainEqual([2345, 1000]);
    expect(thin.map((p) => p[0])).toEqual([...thin.map((p) => p[0])].sort((a, b) => a - b));
    expect(decimate(pts.slice(0, 10), 800)).toHaveLength(10);
  });
});
