import { useMutation } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import type { Job } from '@/features/jobs/api/jobs.api';

/** The report of an enrollment import (jobs of other kinds report other counts). */
export function importResultOf(job: Job | undefined): Schemas['ImportResultDto'] | undefined {
  const result = job?.result;
  return result && 'errors' in result ? result : undefined;
}

/** Sends the file as multipart; the API answers 202 with the job that does the work. */
export function useStartImport(cohortId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/cohorts/{id}/enrollments/import', {
          params: { path: { id: cohortId } },
          // The generated type has the binary field as a string: the body names the file, and the
          // serializer attaches its bytes (the browser then sets the multipart boundary itself).
          body: { file: file.name },
          bodySerializer: ({ file: name }) => {
            const form = new FormData();
            form.append('file', file, name);
            return form;
          },
        }),
      ),
  });
}
