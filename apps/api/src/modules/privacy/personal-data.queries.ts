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
