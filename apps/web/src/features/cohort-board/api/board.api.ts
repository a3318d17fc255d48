import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { SAVED } from '@/shared/lib/flash';
import { saveBlob } from '@/features/certificates/lib/save-blob';

export type Announcement = Schemas['AnnouncementDto'];
export type BoardQuestion = Schemas['BoardQuestionDto'];
export type BoardAnswer = Schemas['BoardAnswerDto'];
export type BoardPermissions = Schemas['BoardPermissionsDto'];

export const boardKeys = {
  of: (cohortId: string) => ['cohort-board', cohortId] as const,
  announcements: (cohortId: string, page: number) =>
    [...boardKeys.of(cohortId), 'announcements', page] as const,
  questions: (cohortId: string, page: number, waiting: boolean) =>
    [...boardKeys.of(cohortId), 'questions', { page, waiting }] as const,
};

export const BOARD_PAGE_SIZE = 20;

export function useAnnouncements(cohortId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: boardKeys.announcements(cohortId, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/cohorts/{id}/announcements', {
          params: { path: { id: cohortId }, query: { page, pageSize: BOARD_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The cohort's questions; `waiting`: only those left without an answer for 48 hours (staff). */
export function useQuestions(cohortId: string, page: number, waiting = false, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: boardKeys.questions(cohortId, page, waiting),
    queryFn: () =>
      unwrap(
        api.GET('/api/cohorts/{id}/questions', {
          params: {
            path: { id: cohortId },
            query: { page, pageSize: BOARD_PAGE_SIZE, ...(waiting ? { waiting: true } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A change to the board, after which everything shown of it is read again. */
function useBoardMutation<I, O>(cohortId: string, mutationFn: (input: I) => Promise<O>, saved = true) {
  const queryClient = useQueryClient();
  return useMutation({
    ...(saved ? { meta: SAVED } : {}),
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: boardKeys.of(cohortId) }),
  });
}

export function usePostAnnouncement(cohortId: string) {
  const api = useApi();
  return useBoardMutation(cohortId, (body: Schemas['CreateAnnouncementDto']) =>
    unwrap(api.POST('/api/cohorts/{id}/announcements', { params: { path: { id: cohortId } }, body })),
  );
}

export function useUpdateAnnouncement(cohortId: string) {
  const api = useApi();
  return useBoardMutation(cohortId, ({ id, body }: { id: string; body: Schemas['UpdateAnnouncementDto'] }) =>
    unwrap(api.PATCH('/api/announcements/{id}', { params: { path: { id } }, body })),
  );
}

export function useDeleteAnnouncement(cohortId: string) {
  const api = useApi();
  return useBoardMutation(cohortId, (id: string) =>
    unwrap(api.DELETE('/api/announcements/{id}', { params: { path: { id } } })),
  );
}

/** Asks the question, then sends its file if there is one (the question stays if the file is refused). */
export function useAsk(cohortId: string) {
  const api = useApi();
  return useBoardMutation(cohortId, async ({ body, file }: { body: string; file: File | null }) => {
    const question = await unwrap(
      api.POST('/api/cohorts/{id}/questions', { params: { path: { id: cohortId } }, body: { body } }),
    );
    if (!file) return question;
    return unwrap(
      api.PUT('/api/questions/{id}/attachment', {
        params: { path: { id: question.id } },
        // As the CSV import: the body names the file, the serializer attaches its bytes.
        body: { file: file.name },
        bodySerializer: ({ file: name }) => {
          const form = new FormData();
          form.append('file', file, name);
          return form;
        },
      }),
    );
  });
}

/** A question's file, saved under its own name. */
export function useDownloadQuestionFile() {
  const api = useApi();
  return useMutation({
    mutationFn: async (question: { id: string; fileName: string }) => {
      const file = await unwrap(
        api.GET('/api/questions/{id}/attachment', { params: { path: { id: question.id } }, parseAs: 'blob' }),
      );
      saveBlob(file as Blob, question.fileName);
    },
  });
}

export function useAnswer(cohortId: string) {
  const api = useApi();
  return useBoardMutation(cohortId, ({ questionId, body }: { questionId: string; body: string }) =>
    unwrap(api.POST('/api/questions/{id}/answers', { params: { path: { id: questionId } }, body: { body } })),
  );
}

export function useAccept(cohortId: string) {
  const api = useApi();
  return useBoardMutation(
    cohortId,
    ({ questionId, answerId }: { questionId: string; answerId: string }) =>
      unwrap(
        api.POST('/api/questions/{id}/accept', { params: { path: { id: questionId } }, body: { answerId } }),
      ),
    false,
  );
}

export function usePin(cohortId: string) {
  const api = useApi();
  return useBoardMutation(
    cohortId,
    ({ questionId, pinned }: { questionId: string; pinned: boolean }) =>
      unwrap(api.POST('/api/questions/{id}/pin', { params: { path: { id: questionId } }, body: { pinned } })),
    false,
  );
}

export type Moderated = { kind: 'question' | 'answer'; id: string };

/** Hides (with a reason) or restores (without one) a question or an answer. */
export function useModerate(cohortId: string) {
  const api = useApi();
  return useBoardMutation(cohortId, ({ target, reason }: { target: Moderated; reason: string | null }) => {
    const params = { params: { path: { id: target.id } } };
    if (target.kind === 'question')
      return unwrap(
        reason === null
          ? api.POST('/api/questions/{id}/restore', params)
          : api.POST('/api/questions/{id}/hide', { ...params, body: { reason } }),
      );
    return unwrap(
      reason === null
        ? api.POST('/api/answers/{id}/restore', params)
        : api.POST('/api/answers/{id}/hide', { ...params, body: { reason } }),
    );
  });
}
