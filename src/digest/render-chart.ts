/**
 * The digest's chart: offline against online actions by goal over the last eight weeks, as a PNG made
 * on the server with no browser. A Vega-Lite spec is compiled to Vega, rendered to SVG by vega's
 * headless view, and rasterised by resvg with the DejaVu Sans font from the dejavu-fonts-ttf package,
 * so the labels render the same on a machine with no system fonts at all.
 *
 * vega, vega-lite and resvg are loaded on the first chart, not at start-up: they add about 22 MB to a
 * process that draws one chart a week (see the README's embedded-database figures).
 */
import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';
import { formatDay } from '../domain/dates.js';
import { GOALS, GOAL_LABELS } from '../domain/tactics.js';
import type { ChartPoint } from './compose-digest.js';

const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`));
/** Offline and online keep the same colours everywhere (colour-blind safe blue and orange). */
const CHANNEL_COLOURS = { offline: '#1f6f8b', online: '#f28e2b' } as const;

export const CHART_TITLE = 'Offline and online actions by goal, last eight weeks';

/** The Vega-Lite spec of the chart (exported for tests and for anyone who wants to restyle it). */
export function chartSpec(points: readonly ChartPoint[]): TopLevelSpec {
  const values = points.map((p) => ({ week: formatDay(p.weekEnding).slice(4), order: p.weekEnding, goal: GOAL_LABELS[p.goal], channel: p.channel, actions: p.actions }));
  const weeks = [...new Set([...values].sort((a, b) => a.order.localeCompare(b.order)).map((v) => v.week))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: CHART_TITLE, subtitle: 'actions per seven-day week, labelled by the day each week ended', anchor: 'start', fontSize: 16 },
    data: { values },
    width: 260,
    height: 180,
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      column: { field: 'goal', type: 'nominal', sort: GOALS.map((g) => GOAL_LABELS[g]), title: null, header: { labelFontSize: 14, labelFontWeight: 'bold' } },
      x: { field: 'week', type: 'ordinal', sort: weeks, title: 'week ending', axis: { labelAngle: -45 } },
      xOffset: { field: 'channel', type: 'nominal', sort: ['offline', 'online'] },
      y: { field: 'actions', type: 'quantitative', title: 'actions', axis: { tickMinStep: 1, format: 'd' } },
      color: {
        field: 'channel',
        type: 'nominal',
        sort: ['offline', 'online'],
        scale: { domain: ['offline', 'online'], range: [CHANNEL_COLOURS.offline, CHANNEL_COLOURS.online] },
        legend: { title: null, orient: 'top', labelFontSize: 13 },
      },
    },
    config: { font: FONT_FAMILY, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.4 } },
  };
}

/** Renders the chart to PNG bytes (about 100–200 ms). */
export async function renderChart(points: readonly ChartPoint[]): Promise<Buffer> {
  const [{ Resvg }, { View, parse }, { compile }] = await Promise.all([import('@resvg/resvg-js'), import('vega'), import('vega-lite')]);
  const vegaSpec = compile(chartSpec(points)).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const png = new Resvg(svg, {
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
      background: 'white',
      // Twice the layout size, so it stays sharp on high-density screens.
      fitTo: { mode: 'zoom', value: 2 },
    }).render();
    return png.asPng();
  } finally {
    view.finalize();
  }
}
