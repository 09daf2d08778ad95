// Every built-in signal family, run over one reading of a comment.
import type { Fired, Reading } from '../reading';
import { serviceSignals } from './service';
import { spotlightSignals } from './spotlight';
import { ignoreSignals, nothingToActOn } from './ignore';

export function builtInSignals(r: Reading): Fired[] {
  const fired: Fired[] = [];
  serviceSignals(r, fired);
  spotlightSignals(r, fired);
  ignoreSignals(r, fired);
  nothingToActOn(r, fired);
  return fired;
}
