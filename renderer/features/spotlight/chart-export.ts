// A dashboard chart as a file of its own: the title, the plot and the legend in one SVG (and the
// PNG drawn from it). Recharts draws the legend as HTML with a small SVG icon per series, so the
// plot's SVG alone has neither title nor legend, and the first <svg> in a chart is an icon.
const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_HEIGHT = 28;
const LEGEND_HEIGHT = 24;
const SWATCH = 10;
const FONT = 'system-ui, sans-serif';
// The console's body size (tokens.css --text-base): axis labels inherit it on screen, so the file matches.
const FONT_SIZE = 14;

export interface Series {
  name: string;
  color: string;
}

export interface ChartFile {
  svg: string;
  width: number;
  height: number;
}

function element(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The chart in `container` (recharts' wrapper inside) as one SVG with `title` above and a legend of `series` below; null if not drawn yet. */
export function chartSvg(container: HTMLElement | null, title: string, series: readonly Series[]): ChartFile | null {
  const plot = container?.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
  if (!plot) return null;
  const width = Number(plot.getAttribute('width')) || plot.getBoundingClientRect().width;
  const plotHeight = Number(plot.getAttribute('height')) || plot.getBoundingClientRect().height;
  const height = TITLE_HEIGHT + plotHeight + LEGEND_HEIGHT;

  const root = element('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT, 'font-size': FONT_SIZE });
  root.append(element('rect', { width, height, fill: '#fff' }));
  root.append(element('text', { x: 8, y: 19, 'font-size': 15, 'font-weight': 600, fill: '#1d2433' }, title));
  const copy = plot.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('x', '0');
  copy.setAttribute('y', String(TITLE_HEIGHT));
  root.append(copy);

  // The legend centred under the plot; text widths measured by the browser that will draw them.
  const legend = element('g', { 'font-size': 12, fill: '#1d2433' });
  root.append(legend);
  const y = TITLE_HEIGHT + plotHeight + LEGEND_HEIGHT / 2;
  let x = 0;
  for (const { name, color } of series) {
    legend.append(element('rect', { x, y: y - SWATCH / 2, width: SWATCH, height: SWATCH, fill: color }));
    const label = element('text', { x: x + SWATCH + 4, y: y + 4 }, name) as SVGTextElement;
    legend.append(label);
    x += SWATCH + 4 + measure(name) + 16;
  }
  legend.setAttribute('transform', `translate(${Math.max(0, (width - x + 16) / 2)}, 0)`);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

function measure(text: string): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  context.font = `12px ${FONT}`;
  return context.measureText(text).width;
}

/** The same chart as a PNG data URL, at twice the size for high-density screens. */
export async function chartPng({ svg, width, height }: ChartFile): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
