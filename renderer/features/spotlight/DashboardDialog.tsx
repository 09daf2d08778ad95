// The dashboard: is this community handling itself, or is the company's support the bottleneck?
// Charts are recharts SVG, drawn offline; each can be saved as SVG or PNG.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardStats } from '../../../common/types';
import { saveFile } from '../../api';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import styles from './DashboardDialog.module.css';

const COLORS = { service: '#2f5bea', spotlight: '#16a06b', ignore: '#9aa3b5', fresh: '#e08a00', returning: '#7c4dff', answers: '#16a06b' };

function svgOf(container: HTMLElement | null): string | null {
  const svg = container?.querySelector('svg');
  if (!svg) return null;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(copy);
}

async function pngOf(svg: string, width: number, height: number): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

function Chart({ title, name, children }: { title: string; name: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const report = useStore((state) => state.report);
  const saveSvg = () => {
    const svg = svgOf(box.current);
    if (svg) saveFile(`${name}.svg`, 'image/svg+xml', svg).catch(report);
  };
  const savePng = async () => {
    const svg = svgOf(box.current);
    if (!svg) return;
    const link = document.createElement('a');
    link.href = await pngOf(svg, 520, 220);
    link.download = `${name}.png`;
    link.click();
  };
  return (
    <figure className={styles.chart} aria-label={title}>
      <figcaption>
        {title}
        <span className="spacer" />
        <button type="button" className="small" onClick={saveSvg}>
          SVG
        </button>
        <button type="button" className="small" onClick={() => savePng().catch(report)}>
          PNG
        </button>
      </figcaption>
      <div ref={box}>{children}</div>
    </figure>
  );
}

export function DashboardDialog() {
  const closeDialog = useStore((state) => state.closeDialog);
  const loadStats = useStore((state) => state.loadStats);
  const exportDigest = useStore((state) => state.exportDigest);
  const [stats, setStats] = useState<DashboardStats | null>(null);
  useEffect(() => {
    void loadStats().then((loaded) => loaded && setStats(loaded));
  }, [loadStats]);
  if (!stats) return null;
  const weeks = stats.weeks.map((week) => ({ ...week, week: week.week.slice(5) }));
  const { totals } = stats;
  const verdict =
    totals.communityAnswers >= totals.service
      ? 'The community answers as many questions as support gets: it is handling itself.'
      : `Support gets ${totals.service} requests for ${totals.communityAnswers} community answers: support is the bottleneck.`;
  return (
    <Modal title="Dashboard" onClose={closeDialog} wide>
      <p className={styles.verdict}>{verdict}</p>
      <ul className={styles.figures}>
        <li>
          <strong>{stats.medianServiceWaitHours ?? '—'}</strong> h median wait for a service reply
        </li>
        <li>
          <strong>{stats.overdueNow}</strong> overdue now
        </li>
        <li>
          <strong>{totals.communityAnswers}</strong> community answers
        </li>
        <li>
          <strong>{totals.newContributors}</strong> new contributors
        </li>
      </ul>
      <div className={styles.charts}>
        <Chart title="Comments routed per week" name="routed-per-week">
          <BarChart width={520} height={220} data={weeks}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="service" name="Customer service" stackId="lanes" fill={COLORS.service} isAnimationActive={false} />
            <Bar dataKey="spotlight" name="Spotlight" stackId="lanes" fill={COLORS.spotlight} isAnimationActive={false} />
            <Bar dataKey="ignore" name="Ignored" stackId="lanes" fill={COLORS.ignore} isAnimationActive={false} />
          </BarChart>
        </Chart>
        <Chart title="Contributors and community answers per week" name="contributors-per-week">
          <LineChart width={520} height={220} data={weeks}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Line dataKey="newContributors" name="New" stroke={COLORS.fresh} isAnimationActive={false} />
            <Line dataKey="returningContributors" name="Returning" stroke={COLORS.returning} isAnimationActive={false} />
            <Line dataKey="communityAnswers" name="Community answers" stroke={COLORS.answers} isAnimationActive={false} />
          </LineChart>
        </Chart>
        <Chart title="Comments routed per feed" name="routed-per-feed">
          <BarChart width={520} height={220} data={stats.byFeed} layout="vertical">
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="feedTitle" width={160} />
            <Tooltip />
            <Bar dataKey="service" name="Customer service" stackId="lanes" fill={COLORS.service} isAnimationActive={false} />
            <Bar dataKey="spotlight" name="Spotlight" stackId="lanes" fill={COLORS.spotlight} isAnimationActive={false} />
            <Bar dataKey="ignore" name="Ignored" stackId="lanes" fill={COLORS.ignore} isAnimationActive={false} />
          </BarChart>
        </Chart>
      </div>
      <div className="actions">
        <span>Community highlights of the last 30 days:</span>
        {(['md', 'html', 'atom'] as const).map((format) => (
          <button key={format} type="button" onClick={() => void exportDigest(format)}>
            {format === 'md' ? 'Markdown' : format === 'html' ? 'HTML' : 'Atom feed'}
          </button>
        ))}
      </div>
    </Modal>
  );
}
