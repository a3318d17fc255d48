import type { AuthUser } from '@/core/auth/auth-user';
import type { JobSource, JobStatus } from './job-source';
import { JobNotFoundError } from './jobs.errors';
import { JobsService } from './jobs.service';

const actor: AuthUser = {
  id: 'a7d2e8a4-0a51-4c43-9d7b-5b7f0f0e2c11',
  role: 'admin',
  centreId: null,
  networkId: null,
};

function source(kind: string, jobs: Record<string, JobStatus> = {}): JobSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    kind,
    asked,
    find: async (jobId) => {
      asked.push(jobId);
      return jobs[jobId] ?? null;
    },
  };
}

describe('JobsService', () => {
  it('answers with the source that has the job, asking the others no further', async () => {
    const sut = new JobsService();
    const imports = source('enrollment-import', { one: { id: 'one', state: 'active', progress: 40 } });
    const certificates = source('certificate-issue', { two: { id: 'two', state: 'waiting', progress: 0 } });
    sut.register(imports);
    sut.register(certificates);

    await expect(sut.get('one', actor)).resolves.toEqual({ id: 'one', state: 'active', progress: 40 });
    expect(certificates.asked).toEqual([]);
    await expect(sut.get('two', actor)).resolves.toMatchObject({ id: 'two', state: 'waiting' });
    expect(imports.asked).toEqual(['one', 'two']);
  });

  it('says a job nobody has, or that the actor may not follow, does not exist', async () => {
    const sut = new JobsService();
    sut.register(source('enrollment-import'));

    await expect(sut.get('unknown', actor)).rejects.toBeInstanceOf(JobNotFoundError);
    await expect(new JobsService().get('unknown', actor)).rejects.toBeInstanceOf(JobNotFoundError);
  });

  it('refuses a second source of the same kind', () => {
    const sut = new JobsService();
    sut.register(source('certificate-issue'));

    expect(() => sut.register(source('certificate-issue'))).toThrow(/certificate-issue/);
  });
});
