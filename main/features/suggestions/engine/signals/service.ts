// Customer service: someone needs an answer from the company. A question or complaint addressed
// to it (something down or broken, billing, their account, "when will", nobody answering, paying
// for this), said to the company rather than to another member.
import type { Fired, Reading } from '../reading';

export function serviceSignals(r: Reading, out: Fired[]): void {
  if (!r.english) return;
  const { cues } = r;
  const broken = cues.has('broken');
  const mine = cues.has('mine');
  // The company's own reply talks about outages and billing too: it is not a customer's complaint.
  // Offering something while asking ("happy to send a trace") is part of the question, not help.
  const helping = cues.has('fix') || cues.has('advice') || (cues.has('offer') && !r.asks) || r.a.menuPaths > 0 || r.companyVoice;
  // Second person is the company unless the comment speaks to a member by name.
  const toCompany = r.mentionsCompany || (cues.has('company') && r.addressee === null);
  const fire = (id: string, weight: number, reason: string): void => void out.push({ id, route: 'service', weight, reason });

  // "When", "ETA", "any update" ask only in a question ("the timeline section" is not asking).
  if (cues.has('when') && r.asks && (broken || r.thread.outage)) fire('asks-when-back', 2.2, 'asks the company when the site will be back');
  else if (cues.has('when') && r.asks) fire('asks-when', 1.4, 'asks when it will be fixed or answered');

  if (broken && (mine || cues.has('metoo') || toCompany)) fire('reports-broken', 1.6, 'reports that something of theirs is down or broken');
  else if (broken && !helping) fire('mentions-broken', 0.8, 'mentions something down or broken');

  // Billing or account words in a member's answer are the subject of the help, not a complaint.
  if (cues.has('money') && !helping) fire('billing', mine || r.asks || cues.has('upset') ? 1.8 : 1.0, 'about billing, a charge or a refund');
  if (cues.has('account') && (mine || r.asks || broken) && !helping) fire('account', 1.3, 'about their account or signing in');
  if (cues.has('unanswered')) fire('unanswered', 1.8, 'says the company has not answered them');
  if (cues.has('upset')) fire('upset', cues.count('upset') > 1 ? 1.6 : 1.0, 'is unhappy with the service');
  if (toCompany) fire('to-company', 1.2, 'speaks to the company directly');

  // A question to the members ("anyone in Berlin?") is community, not service.
  if (r.asks && r.addressee === null && !helping && !cues.has('gather')) {
    if (toCompany || cues.has('request')) fire('asks-company', 1.3, 'asks the company a question');
    else fire('asks', 0.7, 'asks a question that needs an answer');
  }
  if (mine && !helping) fire('own-problem', 0.9, 'describes a problem of their own');
  if (cues.has('metoo')) fire('affected-too', 1.2, 'says they are affected too');
  if (r.thread.outage && (broken || mine || cues.has('metoo') || cues.has('when')) && !helping) {
    fire('outage-thread', 0.8, 'another complaint in a thread about an outage');
  }
}
