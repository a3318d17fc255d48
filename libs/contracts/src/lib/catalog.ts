export const COURSE_FORMATS = ['remote', 'hybrid', 'in_person'] as const;
export type CourseFormat = (typeof COURSE_FORMATS)[number];

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const MATERIAL_KINDS = ['link', 'file'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
