import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, SessionAnchoringJob, SessionAnchoringResult } from '@/core/queue/queue-name';
import { workerOptions } from '@/core/queue/worker-options';
import { SessionAnchoringService } from '../session-anchoring.service';

class OtherRulesError extends Error {
  constructor(wanted: string, own: string) {
    super(`Queued for tz data ${wanted}, but this worker runs ${own}: a worker on the new runtime takes it`);
  }
}

/** Re-anchors the future sessions with the rules of the runtime that queued the job (see SessionAnchoringService). */
@Processor(QueueName.SessionAnchoring, workerOptions(1))
export class ReanchorSessionsJob extends WorkerHost {
  constructor(private readonly anchoring: SessionAnchoringService) {
    super();
  }

  async process(job: Job<SessionAnchoringJob>): Promise<SessionAnchoringResult> {
    // During a rolling upgrade an old worker may pick the job up: its rules would undo the change.
    const own = process.versions.tz ?? 'unknown';
    if (job.data.tzVersion !== own) throw new OtherRulesError(job.data.tzVersion, own);
    return this.anchoring.reanchor(job.data.tzVersion);
  }
}
