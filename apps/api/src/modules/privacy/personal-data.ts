import type { AttendanceStatus, Locale } from '@mre/contracts';

type LocalizedText = Partial<Record<Locale, string>>;

export type StaffWorkKind =
  | 'course-expert'
  | 'session-created'
  | 'material-uploaded'
  | 'quiz-created'
  | 'recording-started'
  | 'import-requested'
  | 'attendance-corrected'
  | 'attendance-checked-in'
  | 'quiz-scheduled'
  | 'participant-removed'
  | 'chat-message-deleted'
  | 'certificate-revoked';

/** Everything the platform holds about one person, as their export's data.json states it. */
export interface PersonalData {
  exportedAt: string;
  profile: {
    id: string;
    email: string;
    fullName: string;
    role: string;
    status: string;
    locale: Locale;
    timeZone: string;
    dataSaver: boolean | null;
    legalNameLocked: boolean;
    centre: string | null;
    network: string | null;
    twoFactorEnabled: boolean;
    /** Since when their calendar feed's link works (the link itself is a credential: not exported); null when none. */
    calendarFeedCreatedAt: string | null;
    lastSignInAt: string | null;
    createdAt: string;
    erasedAt: string | null;
  };
  enrollments: Array<{
    cohortId: string;
    cohort: string;
    kind: string;
    courseCode: string;
    courseTitle: LocalizedText;
    centre: string;
    startsOn: string;
    endsOn: string;
    status: string;
    position: number | null;
    enrolledAt: string;
    updatedAt: string;
  }>;
  teaching: Array<{
    cohortId: string;
    cohort: string;
    kind: string;
    courseCode: string;
    courseTitle: LocalizedText;
    centre: string;
    startsOn: string;
    endsOn: string;
  }>;
  attendance: Array<{
    sessionId: string;
    title: string;
    cohort: string;
    startsAt: string;
    endsAt: string;
    mode: string;
    sessionStatus: string;
    connections: Array<{ joinedAt: string | null; leftAt: string | null }>;
    checkedInAt: string | null;
    correctedStatus: string | null;
    correctionReason: string | null;
    correctedAt: string | null;
    /** As the platform counts it: a correction first, then an in-person check-in, then the connections. */
    status: AttendanceStatus;
    minutesPresent: number;
  }>;
  certificates: Array<{
    id: string;
    code: string;
    holderName: string;
    courseTitle: LocalizedText;
    cohort: string;
    cohortKind: string;
    centre: string;
    network: string;
    hours: number;
    issuedAt: string;
    status: string;
    revokedAt: string | null;
    revocationReason: string | null;
    withdrawnAt: string | null;
    /** The PDF's path inside the archive, when one was rendered. */
    pdfFile: string | null;
  }>;
  notifications: Array<{ kind: string; params: object; readAt: string | null; createdAt: string }>;
  chatMessages: Array<{
    sessionId: string;
    session: string;
    text: string;
    sentAt: string;
    deletedAt: string | null;
  }>;
  recordingConsents: Array<{ cohort: string; choice: string; textVersion: string; decidedAt: string }>;
  materialCompletions: Array<{
    courseCode: string;
    courseTitle: LocalizedText;
    material: LocalizedText;
    fileName: string;
    doneAt: string;
  }>;
  recordingViews: Array<{
    session: string;
    sessionStartsAt: string;
    output: string;
    views: number;
    firstViewedAt: string;
    lastViewedAt: string;
  }>;
  notificationPreferences: Array<{ kind: string; email: string; updatedAt: string }>;
  remindersSent: Array<{ session: string; kind: string; sessionStartsAt: string; sentAt: string }>;
  roomRemovals: Array<{ session: string; sessionStartsAt: string; removedAt: string }>;
  /** A staff member's work recorded under their name (see staffWork in personal-data.queries.ts). */
  staffWork: Array<{
    kind: StaffWorkKind;
    at: string | null;
    /** The course's code, the session's title or the cohort's name. */
    subject: string;
    /** A title in each language, a cohort's name or a state; null when nothing more is stored. */
    detail: LocalizedText | string | null;
  }>;
  /** Announcements, questions and answers they wrote; `removed` when deleted or hidden since. */
  boardPosts: Array<{
    kind: 'announcement' | 'question' | 'answer';
    cohort: string;
    title: string | null;
    body: string;
    createdAt: string;
    removed: boolean;
  }>;
  accountActivity: Array<{ action: string; at: string; data: object }>;
  /** Their attempts at quizzes: their answers by question, and the grade once submitted. */
  quizAttempts: Array<{
    quiz: LocalizedText;
    purpose: string;
    cohort: string;
    number: number;
    startedAt: string;
    submittedAt: string | null;
    autoSubmitted: boolean;
    answers: object;
    score: number | null;
    maxScore: number | null;
    passed: boolean | null;
  }>;
  /** Their answers to the surveys after each class (1–5 ratings and a comment). */
  sessionFeedback: Array<{
    session: string;
    cohort: string;
    startsAt: string;
    content: number;
    clarity: number;
    audioVideo: number;
    comment: string | null;
    givenAt: string;
    updatedAt: string;
  }>;
}
