// The structure checks off the page's thread: use-checks.ts (through checks-runner.ts) posts the report as stored,
// this answers its checks. It imports only the checks, never the module that starts it.
import { runChecksJob, type ChecksAnswer, type ChecksRequest } from './checks-job';

addEventListener('message', (e: MessageEvent<ChecksRequest>) => {
  const answer: ChecksAnswer = { id: e.data.id, checks: runChecksJob(e.data.job) };
  postMessage(answer);
});
