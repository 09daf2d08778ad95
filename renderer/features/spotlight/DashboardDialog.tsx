// The dashboard: is this community handling itself, or is the company's support the bottleneck?
// Charts are recharts SVG, drawn offline; each can be saved as SVG or PNG.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardStats } from '../../../common/types';
import { saveFile } from '../../api';
import { chartPng, chartSvg, type Series } from './chart-export';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import styles from './DashboardDialog.module.css';
import { count, noun } from '../../../common/plural';
import { formatHours } from '../../../common/duration';
import forms from '../../ui/forms.module.css';
import { ModeratorSplit } from '../team/ModeratorSplit';

const COLORS = { service: '#2f5bea', spotlight: '#16a06b', ignore: '#9aa3b5', fresh: '#e08a00', returning: '#7c4dff', answers: '#16a06b' };

// Room on the right for the last week's label, which recharts centres on the chart's edge.
const MARGIN = { top: 8, right: 24, bottom: 0, left: 0 };
/** Charts take the width their column has (the dialog's, split in two where it is wide enough). */
const CHART_HEIGHT = 240;
const DAY = 86_400_000;

/** A day as a date field holds it (YYYY-MM-DD, UTC: the days the stats operation counts in). */
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The period picked: the last 8 weeks until the moderator picks another, as the CLI's `stats` does. */
function defaultPeriod(): { from: string; to: string } {
  const now = Date.now();
  return { from: day(now - 8 * 7 * DAY + DAY), to: day(now) };
}

/** "1 Oct 2026" for a YYYY-MM-DD day. */
const spoken = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function PeriodPicker({ period, onChange }: { period: { from: string; to: string }; onChange: (period: { from: string; to: string }) => void }) {
  return (
    <div role="group" aria-label="Period" className={styles.period}>
      <label className={forms.field}>
        <span>From</span>
        <input type="date" value={period.from} max={period.to} required onChange={(event) => event.target.value && onChange({ ...period, from: event.target.value })} />
      </label>
      <label className={forms.field}>
        <span>To</span>
        <input type="date" value={period.to} min={period.from} required onChange={(event) => event.target.value && onChange({ ...period, to: event.target.value })} />
      </label>
    </div>
  );
}

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
  const [period, setPeriod] = useState(defaultPeriod);
  const [stats, setStats] = useState<DashboardStats | null>(null);
  useEffect(() => {
    // A period ending before it starts is refused: the fields' min and max keep to a valid one.
    if (period.to < period.from) return;
    let current = true;
    void loadStats(period).then((loaded) => current && loaded && setStats(loaded));
    return () => {
      current = false;
    };
  }, [loadStats, period]);
  if (!stats) return null;
  const picker = <PeriodPicker period={period} onChange={setPeriod} />;
  const { totals } = stats;
  // Nothing routed: every chart would be a row of zeros, so the dialog says so instead.
  if (totals.service + totals.spotlight + totals.ignore + totals.communityAnswers === 0) {
    return (
      <Modal title="Dashboard" onClose={closeDialog} wide>
        {picker}
        <p className={styles.empty}>
          Nothing was routed from {spoken(period.from)} to {spoken(period.to)}, so there is nothing to chart yet. Route comments in the queue (s to customer service, c to the
          spotlight, i to ignore) and they show here, or pick a longer period.
        </p>
        {totals.newContributors > 0 && <p>{count(totals.newContributors, 'new contributor')} wrote in this period.</p>}
        {stats.overdueNow > 0 && <p>{count(stats.overdueNow, 'comment')} overdue now.</p>}
        <ModeratorSplit period={period} />
      </Modal>
    );
  }
  const weeks = stats.weeks.map((week) => ({ ...week, week: week.week.slice(5) }));
  const verdict =
    totals.communityAnswers >= totals.service
      ? 'The community answers as many questions as support gets: it is handling itself.'
      : `Support gets ${count(totals.service, 'request')} for ${count(totals.communityAnswers, 'community answer')}: support is the bottleneck.`;
  return (
    <Modal title="Dashboard" onClose={closeDialog} wide>
      {picker}
      <p className={styles.verdict}>{verdict}</p>
      <ul className={styles.figures}>
        <li>
          <strong>{stats.medianServiceWaitHours === null ? 'No reply exported yet' : formatHours(stats.medianServiceWaitHours)}</strong> median wait for a service reply
        </li>
        <li>
          <strong>{stats.overdueNow}</strong> overdue now
        </li>
        <li>
          <strong>{totals.communityAnswers}</strong> {noun(totals.communityAnswers, 'community answer')}
        </li>
        <li>
          <strong>{totals.newContributors}</strong> {noun(totals.newContributors, 'new contributor')}
        </li>
      </ul>
      <ModeratorSplit period={period} />
      <div className={styles.charts}>
        <Chart title="Comments routed per week" name="routed-per-week" series={LANES}>
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart data={weeks} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {LANES.map((lane) => (
                <Bar key={lane.key} dataKey={lane.key} name={lane.name} stackId="lanes" fill={lane.color} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </Chart>
        <Chart title="Contributors and community answers per week" name="contributors-per-week" series={CONTRIBUTORS}>
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <LineChart data={weeks} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {CONTRIBUTORS.map((line) => (
                <Line key={line.key} dataKey={line.key} name={line.name} stroke={line.color} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </Chart>
        <Chart title="Comments routed per feed" name="routed-per-feed" series={LANES}>
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart data={stats.byFeed} layout="vertical" margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="feedTitle" width={160} />
              <Tooltip />
              <Legend />
              {LANES.map((lane) => (
                <Bar key={lane.key} dataKey={lane.key} name={lane.name} stackId="lanes" fill={lane.color} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
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
