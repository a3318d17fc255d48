import type { Statement } from '@/core/database/sql-params';

/**
 * What the platform holds about one person, read for their export (GET /me/export). Each statement
 * takes the person's id as $1 and answers rows already shaped for the export's JSON.
 */

export function profile(userId: string): Statement {
  return [
    `SELECT u.id, u.email, u.full_name AS "fullName", u.role, u.status, u.locale, u.time_zone AS "timeZone",
            u.data_saver AS "dataSaver", u.legal_name_locked AS "legalNameLocked",
            ce.name AS "centre", n.name AS "network",
            (u.two_factor_enabled_at IS NOT NULL) AS "twoFactorEnabled",
            (SELECT cf.created_at FROM calendar_feeds cf WHERE cf.user_id = u.id) AS "calendarFeedCreatedAt",
            u.last_sign_in_at AS "lastSignInAt", u.created_at AS "createdAt", u.erased_at AS "erasedAt"
       FROM users u
       LEFT JOIN centres ce ON ce.id = u.centre_id
       LEFT JOIN networks n ON n.id = u.network_id
      WHERE u.id = $1`,
    [userId],
  ];
}

export function enrollments(userId: string): Statement {
  return [
    `SELECT c.id AS "cohortId", c.name AS "cohort", c.kind, co.code AS "courseCode", co.title AS "courseTitle",
            ce.name AS "centre", c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
            e.status, e.position, e.created_at AS "enrolledAt", e.updated_at AS "updatedAt"
       FROM enrollments e
       JOIN cohorts c ON c.id = e.cohort_id
       JOIN courses co ON co.id = c.course_id
       JOIN centres ce ON ce.id = c.centre_id
      WHERE e.user_id = $1
      ORDER BY c.starts_on, c.name`,
    [userId],
  ];
}

/** The cohorts the person teaches (experts, and certified trainers in the cascade). */
export function teaching(userId: string): Statement {
  return [
    `SELECT c.id AS "cohortId", c.name AS "cohort", c.kind, co.code AS "courseCode", co.title AS "courseTitle",
            ce.name AS "centre", c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn"
       FROM cohort_teachers t
       JOIN cohorts c ON c.id = t.cohort_id
       JOIN courses co ON co.id = c.course_id
       JOIN centres ce ON ce.id = c.centre_id
      WHERE t.user_id = $1
      ORDER BY c.starts_on, c.name`,
    [userId],
  ];
}

/**
 * Every session the person was expected at (their cohorts' sessions that took place) or was seen in,
 * with their connections, check-in and correction: what their attendance is computed from.
 */
export function attendance(userId: string): Statement {
  return [
    `WITH sessions AS (
       SELECT s.id FROM live_sessions s JOIN enrollments e ON e.cohort_id = s.cohort_id AND e.user_id = $1
        WHERE s.status = 'scheduled' AND s.ends_at <= now()
       UNION SELECT session_id FROM attendance_segments WHERE user_id = $1
       UNION SELECT session_id FROM attendance_marks WHERE user_id = $1
     )
     SELECT s.id AS "sessionId", s.title, c.name AS "cohort", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
            s.mode, s.status AS "sessionStatus",
            COALESCE((SELECT json_agg(json_build_object('joinedAt', g.joined_at, 'leftAt', g.left_at) ORDER BY g.joined_at)
                        FROM attendance_segments g WHERE g.session_id = s.id AND g.user_id = $1), '[]') AS "connections",
            m.checked_in_at AS "checkedInAt", m.corrected_status AS "correctedStatus",
            m.correction_reason AS "correctionReason", m.corrected_at AS "correctedAt"
       FROM sessions x
       JOIN live_sessions s ON s.id = x.id
       JOIN cohorts c ON c.id = s.cohort_id
       LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.user_id = $1
      ORDER BY s.starts_at`,
    [userId],
  ];
}

export function certificates(userId: string): Statement {
  return [
    `SELECT cert.id, cert.code, cert.holder_name AS "holderName", cert.course_title AS "courseTitle",
            cert.cohort_name AS "cohort", cert.cohort_kind AS "cohortKind", cert.centre_name AS "centre",
            cert.network_name AS "network", cert.hours, cert.issued_at AS "issuedAt", cert.status,
            cert.revoked_at AS "revokedAt", cert.revocation_reason AS "revocationReason",
            cert.withdrawn_at AS "withdrawnAt", f.pdf
       FROM certificates cert
       LEFT JOIN certificate_files f ON f.certificate_id = cert.id
      WHERE cert.user_id = $1
      ORDER BY cert.issued_at`,
    [userId],
  ];
}

export function notifications(userId: string): Statement {
  return [
    `SELECT kind, params, read_at AS "readAt", created_at AS "createdAt"
       FROM notifications WHERE user_id = $1 ORDER BY created_at`,
    [userId],
  ];
}

/** What they wrote in class chats (a deleted message without its words). */
export function chatMessages(userId: string): Statement {
  return [
    `SELECT m.session_id AS "sessionId", s.title AS "session", m.text, m.created_at AS "sentAt",
            m.deleted_at AS "deletedAt"
       FROM chat_messages m JOIN live_sessions s ON s.id = m.session_id
      WHERE m.author_id = $1 ORDER BY m.created_at, m.id`,
    [userId],
  ];
}

/** Their answers to the cohorts' recording notices. */
export function recordingConsents(userId: string): Statement {
  return [
    `SELECT c.name AS "cohort", rc.choice, rc.text_version AS "textVersion", rc.decided_at AS "decidedAt"
       FROM recording_consents rc JOIN cohorts c ON c.id = rc.cohort_id
      WHERE rc.user_id = $1 ORDER BY rc.decided_at`,
    [userId],
  ];
}

/** The course materials they marked as done. */
export function materialCompletions(userId: string): Statement {
  return [
    `SELECT co.code AS "courseCode", co.title AS "courseTitle", m.title AS "material", m.file_name AS "fileName",
            mc.done_at AS "doneAt"
       FROM material_completions mc
       JOIN course_materials m ON m.id = mc.material_id
       JOIN courses co ON co.id = m.course_id
      WHERE mc.user_id = $1 ORDER BY mc.done_at`,
    [userId],
  ];
}

/** The class recordings they watched or listened to, and how often. */
export function recordingViews(userId: string): Statement {
  return [
    `SELECT s.title AS "session", s.starts_at AS "sessionStartsAt", v.output, v.views,
            v.first_viewed_at AS "firstViewedAt", v.last_viewed_at AS "lastViewedAt"
       FROM recording_views v
       JOIN recordings r ON r.id = v.recording_id
       JOIN live_sessions s ON s.id = r.session_id
      WHERE v.user_id = $1 ORDER BY v.first_viewed_at, v.output`,
    [userId],
  ];
}

/** Which notices they chose to receive by e-mail (the others follow the defaults). */
export function notificationPreferences(userId: string): Statement {
  return [
    `SELECT kind, email, updated_at AS "updatedAt" FROM notification_preferences WHERE user_id = $1 ORDER BY kind`,
    [userId],
  ];
}

/** The reminders of sessions e-mailed to them. */
export function remindersSent(userId: string): Statement {
  return [
    `SELECT s.title AS "session", r.kind, r.starts_at AS "sessionStartsAt", r.sent_at AS "sentAt"
       FROM reminders_sent r JOIN live_sessions s ON s.id = r.session_id
      WHERE r.user_id = $1 ORDER BY r.sent_at, r.kind`,
    [userId],
  ];
}

/** The live classes a teacher removed them from (who removed them is the teacher's data). */
export function roomRemovals(userId: string): Statement {
  return [
    `SELECT s.title AS "session", s.starts_at AS "sessionStartsAt", r.created_at AS "removedAt"
       FROM room_removals r JOIN live_sessions s ON s.id = r.session_id
      WHERE r.user_id = $1 ORDER BY r.created_at`,
    [userId],
  ];
}

/**
 * What the platform records of a staff member's work under their name (experts, coordinators,
 * admins): the courses they are expert of, and the sessions, materials, quizzes (and their
 * scheduling), recordings, imports, attendance corrections and check-ins, removals from a class,
 * chat deletions and certificate revocations they made. Other people's data stays out: an import
 * names its cohort, not the file's rows; a correction or a removal its session, not the trainee.
 */
export function staffWork(userId: string): Statement {
  return [
    `SELECT kind, at, subject, detail FROM (
       SELECT 'course-expert' AS kind, NULL::timestamptz AS at, co.code AS subject, co.title AS detail
         FROM course_experts x JOIN courses co ON co.id = x.course_id WHERE x.user_id = $1
       UNION ALL
       SELECT 'session-created', s.created_at, s.title, to_jsonb(c.name)
         FROM live_sessions s JOIN cohorts c ON c.id = s.cohort_id WHERE s.created_by = $1
       UNION ALL
       SELECT 'material-uploaded', m.created_at, co.code, m.title
         FROM course_materials m JOIN courses co ON co.id = m.course_id WHERE m.uploaded_by = $1
       UNION ALL
       SELECT 'quiz-created', q.created_at, co.code, q.title
         FROM quizzes q JOIN courses co ON co.id = q.course_id WHERE q.created_by = $1
       UNION ALL
       SELECT 'recording-started', r.started_at, s.title, to_jsonb(r.status)
         FROM recordings r JOIN live_sessions s ON s.id = r.session_id WHERE r.started_by = $1
       UNION ALL
       SELECT 'import-requested', j.created_at, c.name, to_jsonb(j.state)
         FROM import_jobs j JOIN cohorts c ON c.id = j.cohort_id WHERE j.requested_by = $1
       UNION ALL
       SELECT 'attendance-corrected', m.corrected_at, s.title, NULL
         FROM attendance_marks m JOIN live_sessions s ON s.id = m.session_id WHERE m.corrected_by = $1
       UNION ALL
       SELECT 'attendance-checked-in', m.checked_in_at, s.title, NULL
         FROM attendance_marks m JOIN live_sessions s ON s.id = m.session_id WHERE m.checked_in_by = $1
       UNION ALL
       SELECT 'quiz-scheduled', cq.updated_at, c.name, q.title
         FROM cohort_quizzes cq JOIN cohorts c ON c.id = cq.cohort_id JOIN quizzes q ON q.id = cq.quiz_id
        WHERE cq.updated_by = $1
       UNION ALL
       SELECT 'participant-removed', r.created_at, s.title, NULL
         FROM room_removals r JOIN live_sessions s ON s.id = r.session_id WHERE r.removed_by = $1
       UNION ALL
       SELECT 'chat-message-deleted', m.deleted_at, s.title, NULL
         FROM chat_messages m JOIN live_sessions s ON s.id = m.session_id WHERE m.deleted_by = $1
       UNION ALL
       SELECT 'certificate-revoked', c.revoked_at, c.cohort_name, NULL
         FROM certificates c WHERE c.revoked_by = $1
     ) w ORDER BY at NULLS FIRST, kind, subject`,
    [userId],
  ];
}

/** What they wrote on their cohorts' boards: announcements, questions and answers, hidden ones too. */
export function boardPosts(userId: string): Statement {
  return [
    `SELECT p.kind, c.name AS "cohort", p.title, p.body, p.created_at AS "createdAt", p.removed
       FROM (SELECT 'announcement' AS kind, cohort_id, title, body, created_at, deleted_at IS NOT NULL AS removed
               FROM cohort_announcements WHERE author_id = $1
             UNION ALL
             SELECT 'question', cohort_id, NULL, body, created_at, hidden_at IS NOT NULL
               FROM cohort_questions WHERE author_id = $1
             UNION ALL
             SELECT 'answer', q.cohort_id, NULL, a.body, a.created_at, a.hidden_at IS NOT NULL
               FROM question_answers a JOIN cohort_questions q ON q.id = a.question_id WHERE a.author_id = $1) p
       JOIN cohorts c ON c.id = p.cohort_id
      ORDER BY p.created_at`,
    [userId],
  ];
}

/** The account's own trail (sign-ins with their addresses, password and 2FA changes...). */
export function accountActivity(userId: string): Statement {
  return [
    `SELECT action, created_at AS "at", data
       FROM audit_log WHERE entity_type = 'user' AND entity_id = $1
      ORDER BY created_at`,
    [userId],
  ];
}

/** Their quiz attempts with their own answers and the server's grade (null until submitted). */
export function quizAttempts(userId: string): Statement {
  return [
    `SELECT q.title AS "quiz", q.purpose, c.name AS "cohort", a.number, a.started_at AS "startedAt",
            a.submitted_at AS "submittedAt", a.auto_submitted AS "autoSubmitted", a.answers,
            a.score, a.max_score AS "maxScore", a.passed
       FROM quiz_attempts a
       JOIN quizzes q ON q.id = a.quiz_id
       JOIN cohorts c ON c.id = a.cohort_id
      WHERE a.user_id = $1
      ORDER BY a.started_at, a.number`,
    [userId],
  ];
}

/** Their answers to the surveys after each class: ratings and comment. */
export function sessionFeedback(userId: string): Statement {
  return [
    `SELECT s.title AS "session", c.name AS "cohort", s.starts_at AS "startsAt", f.content, f.clarity,
            f.audio_video AS "audioVideo", f.comment, f.created_at AS "givenAt", f.updated_at AS "updatedAt"
       FROM session_feedback f
       JOIN live_sessions s ON s.id = f.session_id
       JOIN cohorts c ON c.id = s.cohort_id
      WHERE f.user_id = $1
      ORDER BY s.starts_at`,
    [userId],
  ];
}
