/**
 * Request schemas shared by the server (which validates with them) and the console
 * (which builds its forms from the same rules). Objects are strict: an unknown field is
 * a 400, never silently dropped, so `{"role":"admin"}` smuggled into a profile edit fails.
 */
import { z } from 'zod';
import { ISSUE, type HubIssueCode } from './issues.js';
import { AGENCY_TYPES, ROLES, TEAM_KINDS } from './vocabulary.js';

const MAX_PASSWORD_BYTES = 72; // bcrypt reads only the first 72 bytes: refuse, never truncate.

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, ISSUE.identifier);

const text = (max: number) => z.string().trim().max(max);
const name = text(200).min(2);
const optionalText = (max: number) => text(max).nullable().optional();
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{6,20}$/, ISSUE.phone);
const optionalEmail = z.email().max(254).nullable().optional();

export const passwordSchema = z
  .string()
  .min(10)
  .refine((p) => new TextEncoder().encode(p).length <= MAX_PASSWORD_BYTES, {
    message: ISSUE.password_too_long,
    params: { maximum: MAX_PASSWORD_BYTES },
  });

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, ISSUE.username);

/** A DNS name such as `congthongtin.example.gov.vn` (no scheme, no path). */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)(?!-)([a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/, ISSUE.domain);

export const ipRangeSchema = z.union([z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()], {
  error: ISSUE.ip_or_cidr,
});

export const paginationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export const versionField = z.number().int().min(1);

// ---- auth ----
export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const setupInput = z.strictObject({
  token: z.string().min(10).max(200),
  username: usernameSchema,
  displayName: name,
  password: passwordSchema,
});

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: passwordSchema,
});

export const updateMeInput = z.strictObject({
  displayName: name.optional(),
  phone: phoneSchema.nullable().optional(),
  email: optionalEmail,
});

// ---- agencies ----
export const focalPointInput = z.strictObject({
  name,
  position: optionalText(200),
  phone: phoneSchema,
  email: z.email().max(254),
  available247: z.boolean().default(true),
  primary: z.boolean().default(false),
});

const agencyFields = {
  name,
  shortName: optionalText(50),
  type: z.enum(AGENCY_TYPES),
  province: name,
  parentId: idSchema.nullable().optional(),
  address: optionalText(300),
  phone: phoneSchema.nullable().optional(),
  email: optionalEmail,
  website: z
    .url({ protocol: /^https?$/ })
    .max(300)
    .nullable()
    .optional(),
};

export const createAgencyInput = z.strictObject(agencyFields);
export const updateAgencyInput = z.strictObject({
  ...z.strictObject(agencyFields).partial().shape,
  version: versionField,
});
export const setFocalPointsInput = z
  .strictObject({
    focalPoints: z.array(focalPointInput).min(1, ISSUE.focal_point_required).max(10),
    version: versionField,
  })
  .refine((v) => v.focalPoints.some((f) => f.available247), {
    message: ISSUE.focal_point_247,
    path: ['focalPoints'],
  });
export const mergeAgencyInput = z.strictObject({ intoAgencyId: idSchema, version: versionField });
export const listAgenciesQuery = paginationQuery.extend({
  q: z.string().max(200).optional(),
  type: z.enum(AGENCY_TYPES).optional(),
  includeMerged: z.enum(['true', 'false']).optional(),
});

// ---- sectors ----
export const createSectorInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, ISSUE.sector_code),
  nameVi: name,
  nameEn: name,
  critical: z.boolean().default(false),
});

// ---- information systems ----
const systemFields = {
  agencyId: idSchema,
  name,
  level: z.number().int().min(1).max(5),
  nationalCritical: z.boolean().default(false),
  sectorCode: z.string().max(50).nullable().optional(),
  description: optionalText(2000),
  domains: z.array(domainSchema).max(50).default([]),
  ipRanges: z.array(ipRangeSchema).max(50).default([]),
};
export const createSystemInput = z.strictObject(systemFields);
export const updateSystemInput = z.strictObject({
  name: systemFields.name.optional(),
  level: systemFields.level.optional(),
  nationalCritical: z.boolean().optional(),
  sectorCode: systemFields.sectorCode,
  description: systemFields.description,
  domains: z.array(domainSchema).max(50).optional(),
  ipRanges: z.array(ipRangeSchema).max(50).optional(),
  version: versionField,
});
export const listSystemsQuery = paginationQuery.extend({
  q: z.string().max(200).optional(),
  agencyId: idSchema.optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
});

// ---- teams ----
const teamFields = {
  name,
  kind: z.enum(TEAM_KINDS),
  isStanding: z.boolean().default(false),
  organization: optionalText(200),
  sectorCode: z.string().max(50).nullable().optional(),
  description: optionalText(2000),
  phone: phoneSchema.nullable().optional(),
  email: optionalEmail,
};
export const createTeamInput = z.strictObject(teamFields);
export const updateTeamInput = z.strictObject({
  name: teamFields.name.optional(),
  kind: teamFields.kind.optional(),
  isStanding: z.boolean().optional(),
  organization: teamFields.organization,
  sectorCode: teamFields.sectorCode,
  description: teamFields.description,
  phone: teamFields.phone,
  email: teamFields.email,
  version: versionField,
});
export const setTeamMembersInput = z.strictObject({
  userIds: z.array(idSchema).max(500),
  version: versionField,
});
export const listTeamsQuery = paginationQuery.extend({
  q: z.string().max(200).optional(),
  kind: z.enum(TEAM_KINDS).optional(),
});

// ---- users ----
const roleFields = {
  role: z.enum(ROLES),
  agencyId: idSchema.nullable().optional(),
  teamIds: z.array(idSchema).max(20).default([]),
};
/** Which roles carry an agency and which carry teams: one rule used by create and edit. */
export function roleShapeIssue(role: string, agencyId: string | null | undefined, teamIds: string[]): HubIssueCode | null {
  if (role === 'focal_point' && !agencyId) return ISSUE.focal_point_needs_agency;
  if (role !== 'focal_point' && agencyId) return ISSUE.only_focal_points_have_agency;
  if ((role === 'focal_point' || role === 'leader' || role === 'admin') && teamIds.length > 0) return ISSUE.only_responders_have_teams;
  return null;
}
export const createUserInput = z
  .strictObject({
    username: usernameSchema,
    displayName: name,
    password: passwordSchema,
    phone: phoneSchema.nullable().optional(),
    email: optionalEmail,
    ...roleFields,
  })
  .superRefine((v, ctx) => {
    const issue = roleShapeIssue(v.role, v.agencyId, v.teamIds);
    if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['role'] });
  });
export const updateUserInput = z.strictObject({
  displayName: name.optional(),
  phone: phoneSchema.nullable().optional(),
  email: optionalEmail,
  role: z.enum(ROLES).optional(),
  agencyId: idSchema.nullable().optional(),
  teamIds: z.array(idSchema).max(20).optional(),
  disabled: z.boolean().optional(),
  version: versionField,
});
export const resetPasswordInput = z.strictObject({ password: passwordSchema });
export const listUsersQuery = paginationQuery.extend({
  q: z.string().max(200).optional(),
  role: z.enum(ROLES).optional(),
  agencyId: idSchema.optional(),
  teamId: idSchema.optional(),
});

export type LoginInput = z.infer<typeof loginInput>;
export type SetupInput = z.infer<typeof setupInput>;
export type CreateAgencyInput = z.infer<typeof createAgencyInput>;
export type UpdateAgencyInput = z.infer<typeof updateAgencyInput>;
export type FocalPointInput = z.infer<typeof focalPointInput>;
export type CreateSystemInput = z.infer<typeof createSystemInput>;
export type UpdateSystemInput = z.infer<typeof updateSystemInput>;
export type CreateTeamInput = z.infer<typeof createTeamInput>;
export type UpdateTeamInput = z.infer<typeof updateTeamInput>;
export type CreateUserInput = z.infer<typeof createUserInput>;
export type UpdateUserInput = z.infer<typeof updateUserInput>;
export type CreateSectorInput = z.infer<typeof createSectorInput>;
