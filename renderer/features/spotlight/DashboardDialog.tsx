// The dashboard: is this community handling itself, or is the company's support the bottleneck?
// Charts are recharts SVG, drawn offline; each can be saved as SVG or PNG.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardStats } from '../../../common/types';
import { saveFile } from '../../api';
import { chartPng, chartSvg, type Series } from './chart-export';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import styles from './DashboardDialog.module.css';
import { count } from '../../../common/plural';

const COLORS = { service: '#2f5bea', spotlight: '#16a06b', ignore: '#9aa3b5', fresh: '#e08a00', returning: '#7c4dff', answers: '#16a06b' };

// Room on the right for the last week's label, which recharts centres on the chart's edge.
const MARGIN = { top: 8, right: 24, bottom: 0, left: 0 };

/** The series of the lane charts and the contributor chart: the bars or lines drawn and the exported legend. */
const LANES = [
  { key: 'service', name: 'Customer service', color: COLORS.service },
  { key: 'spotlight', name: 'Spotlight', color: COLORS.spotlight },
  { key: 'ignore', name: 'Ignored', color: COLORS.ignore },
] as const;
const CONTRIBUTORS = [
  { key: 'newContributors', name: 'New', color: COLORS.fresh },
  { key: 'returningContributors', name: 'Returning', color: COLORS.returning },
  { key: 'communityAnswers', name: 'Community answers', color: COLORS.answers },
] as const;

function Chart({ title, name, series, children }: { title: string; name: string; series: readonly Series[]; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const report = useStore((state) => state.report);
  const saveSvg = () => {
    const chart = chartSvg(box.current, title, series);
    if (chart) saveFile(`${name}.svg`, 'image/svg+xml', chart.svg).catch(report);
  };
  const savePng = async () => {
    const chart = chartSvg(box.current, title, series);
    if (!chart) return;
    const link = document.createElement('a');
    link.href = await chartPng(chart);
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
      : `Support gets ${count(totals.service, 'request')} for ${count(totals.communityAnswers, 'community answer')}: support is the bottleneck.`;
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
        <Chart title="Comments routed per week" name="routed-per-week" series={LANES}>
          <BarChart width={520} height={220} data={weeks} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {LANES.map((lane) => (
              <Bar key={lane.key} dataKey={lane.key} name={lane.name} stackId="lanes" fill={lane.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </Chart>
        <Chart title="Contributors and community answers per week" name="contributors-per-week" series={CONTRIBUTORS}>
          <LineChart width={520} height={220} data={weeks} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {CONTRIBUTORS.map((line) => (
              <Line key={line.key} dataKey={line.key} name={line.name} stroke={line.color} isAnimationActive={false} />
            ))}
          </LineChart>
        </Chart>
        <Chart title="Comments routed per feed" name="routed-per-feed" series={LANES}>
          <BarChart width={520} height={220} data={stats.byFeed} layout="vertical" margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="feedTitle" width={160} />
            <Tooltip />
            <Legend />
            {LANES.map((lane) => (
              <Bar key={lane.key} dataKey={lane.key} name={lane.name} stackId="lanes" fill={lane.color} isAnimationActive={false} />
            ))}
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
