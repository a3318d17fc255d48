import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { SAVED } from '@/shared/lib/flash';

export type Quiz = Schemas['QuizDto'];
export type QuizInput = Schemas['CreateQuizDto'];
export type QuestionInput = Schemas['QuestionDto'];
export type CohortQuiz = Schemas['CohortQuizDto'];
export type Attempt = Schemas['AttemptDto'];
export type Answers = Attempt['answers'];
/** Answers sent to an attempt: null clears one. */
export type AnswerChanges = Schemas['SaveAnswersDto']['answers'];

export const quizKeys = {
  all: ['quizzes'] as const,
  ofModule: (moduleId: string) => [...quizKeys.all, 'module', moduleId] as const,
  detail: (quizId: string) => [...quizKeys.all, 'detail', quizId] as const,
  ofCohort: (cohortId: string) => [...quizKeys.all, 'cohort', cohortId] as const,
  results: (cohortId: string, quizId: string) => [...quizKeys.ofCohort(cohortId), 'results', quizId] as const,
  attempt: (attemptId: string) => [...quizKeys.all, 'attempt', attemptId] as const,
};

interface ModuleRef {
  courseId: string;
  moduleId: string;
}

/** A module's quizzes, right answers included (editors only). */
export function useModuleQuizzes({ courseId, moduleId }: ModuleRef) {
  const api = useApi();
  return useQuery({
    queryKey: quizKeys.ofModule(moduleId),
    queryFn: () =>
      unwrap(
        api.GET('/api/courses/{id}/modules/{moduleId}/quizzes', {
          params: { path: { id: courseId, moduleId } },
        }),
      ),
  });
}

export function useQuiz({ courseId, moduleId, quizId }: ModuleRef & { quizId: string | undefined }) {
  const api = useApi();
  return useQuery({
    queryKey: quizKeys.detail(quizId ?? ''),
    enabled: quizId !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/api/courses/{id}/modules/{moduleId}/quizzes/{quizId}', {
          params: { path: { id: courseId, moduleId, quizId: quizId as string } },
        }),
      ),
  });
}

/** Creates the quiz, or replaces its settings and questions when `quizId` is given. */
export function useSaveQuiz({ courseId, moduleId }: ModuleRef) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: ({ quizId, body }: { quizId?: string; body: QuizInput }) =>
      unwrap(
        quizId
          ? api.PATCH('/api/courses/{id}/modules/{moduleId}/quizzes/{quizId}', {
              params: { path: { id: courseId, moduleId, quizId } },
              body,
            })
          : api.POST('/api/courses/{id}/modules/{moduleId}/quizzes', {
              params: { path: { id: courseId, moduleId } },
              body,
            }),
      ),
    onSuccess: (quiz) => {
      queryClient.setQueryData(quizKeys.detail(quiz.id), quiz);
      return queryClient.invalidateQueries({ queryKey: quizKeys.ofModule(moduleId) });
    },
  });
}

export function useDeleteQuiz({ courseId, moduleId }: ModuleRef) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quizId: string) =>
      unwrap(
        api.DELETE('/api/courses/{id}/modules/{moduleId}/quizzes/{quizId}', {
          params: { path: { id: courseId, moduleId, quizId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quizKeys.ofModule(moduleId) }),
  });
}

export function useRegradeQuiz({ courseId, moduleId }: ModuleRef) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quizId: string) =>
      unwrap(
        api.POST('/api/courses/{id}/modules/{moduleId}/quizzes/{quizId}/regrade', {
          params: { path: { id: courseId, moduleId, quizId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quizKeys.all }),
  });
}

const cohortQuizzesQuery = (api: ReturnType<typeof useApi>, cohortId: string) => ({
  queryKey: quizKeys.ofCohort(cohortId),
  queryFn: () => unwrap(api.GET('/api/cohorts/{id}/quizzes', { params: { path: { id: cohortId } } })),
});

export function useCohortQuizzes(cohortId: string) {
  return useQuery(cohortQuizzesQuery(useApi(), cohortId));
}

/** The quizzes of several cohorts at once (a trainee's home), each list with its cohort id. */
export function useQuizzesOfCohorts(cohortIds: string[]) {
  const api = useApi();
  return useQueries({
    queries: cohortIds.map((id) => cohortQuizzesQuery(api, id)),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.isLoadingError)?.error ?? null,
      refetch: () => results.forEach((r) => void r.refetch()),
      lists: results.map((r, i) => ({ cohortId: cohortIds[i], quizzes: r.data ?? [] })),
    }),
  });
}

export function useScheduleQuiz(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: ({ quizId, body }: { quizId: string; body: Schemas['CohortQuizWindowDto'] }) =>
      unwrap(
        api.PUT('/api/cohorts/{id}/quizzes/{quizId}', { params: { path: { id: cohortId, quizId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quizKeys.ofCohort(cohortId) }),
  });
}

export function useUnscheduleQuiz(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quizId: string) =>
      unwrap(
        api.DELETE('/api/cohorts/{id}/quizzes/{quizId}', { params: { path: { id: cohortId, quizId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quizKeys.ofCohort(cohortId) }),
  });
}

export function useQuizResults(cohortId: string, quizId: string) {
  const api = useApi();
  return useQuery({
    queryKey: quizKeys.results(cohortId, quizId),
    queryFn: () =>
      unwrap(
        api.GET('/api/cohorts/{id}/quizzes/{quizId}/results', { params: { path: { id: cohortId, quizId } } }),
      ),
  });
}

/** Starts an attempt, or answers the one in progress. */
export function useStartAttempt(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quizId: string) =>
      unwrap(
        api.POST('/api/cohorts/{id}/quizzes/{quizId}/attempts', {
          params: { path: { id: cohortId, quizId } },
        }),
      ),
    onSuccess: (attempt) => {
      queryClient.setQueryData(quizKeys.attempt(attempt.id), attempt);
      return queryClient.invalidateQueries({ queryKey: quizKeys.ofCohort(cohortId) });
    },
  });
}

export function useAttempt(attemptId: string) {
  const api = useApi();
  return useQuery({
    queryKey: quizKeys.attempt(attemptId),
    queryFn: () => unwrap(api.GET('/api/attempts/{id}', { params: { path: { id: attemptId } } })),
    // The answers being given live in the page; a refetch would not bring anything newer.
    refetchOnWindowFocus: false,
  });
}

export function useSubmitAttempt(attempt: Attempt) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: AnswerChanges) =>
      unwrap(
        api.POST('/api/attempts/{id}/submit', { params: { path: { id: attempt.id } }, body: { answers } }),
      ),
    onSuccess: (submitted) => {
      queryClient.setQueryData(quizKeys.attempt(submitted.id), submitted);
      return queryClient.invalidateQueries({ queryKey: quizKeys.ofCohort(attempt.cohortId) });
    },
  });
}
