import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import { labelsOf, text } from '../entities/shared';
import { codesOf, nameLookup } from '../reference/lookup';
import { normaliseCode } from '../validate/text';

/** 管理员 manage the organisation (bank account, people, verification); 经办人 draft and submit. */
export const MEMBER_ROLES = [
  { code: 'admin', name: '管理员' },
  { code: 'agent', name: '经办人' },
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number]['code'];
export const memberRoleName = nameLookup(MEMBER_ROLES);
export const memberRoleSchema = z
  .enum(codesOf(MEMBER_ROLES), { error: '请选择成员角色' })
  .meta({ title: '角色', labels: labelsOf(MEMBER_ROLES) });

/** An invitation code is valid this long after it is made. */
export const INVITE_TTL_HOURS = 72;

/**
 * Invitation codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), read out
 * or typed from a screenshot; the QR carries the same code. 31^8 ≈ 8.5 × 10^11 codes, each valid
 * once and for 72 hours, and joining is rate limited.
 */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
/** What the QR code holds: a prefix the app recognises when a scan is not one of ours. */
export const INVITE_QR_PREFIX = 'SZKC-JOIN:';

const QR_PREFIX = normaliseCode(INVITE_QR_PREFIX);

/** A typed code (any case, spaces, full-width) or a scanned QR payload → the bare code. */
export function normaliseInviteCode(input: string): string {
  const code = normaliseCode(input);
  return code.startsWith(QR_PREFIX) ? code.slice(QR_PREFIX.length) : code;
}

export const inviteCodeSchema = plainString({ error: '请输入邀请码' })
  .transform(normaliseInviteCode)
  .pipe(
    plainString()
      .length(INVITE_CODE_LENGTH, `邀请码为${INVITE_CODE_LENGTH}位字母和数字`)
      .refine(
        (v) => [...v].every((c) => INVITE_ALPHABET.includes(c)),
        '邀请码含有无效字符，请核对（不含数字0、1和字母I、L、O）',
      ),
  )
  .meta({ title: '邀请码' });

/** How a member is named to their colleagues (WeChat gives us no name): 2–20 characters. */
export const memberNameSchema = text('您的姓名', 2, 20, {
  description: '单位其他成员将看到这个姓名',
});

/** 修改我的姓名 (members page). */
export const memberNameFormSchema = z.object({ name: memberNameSchema });

/** 加入单位: the code (typed or scanned) and the name the colleagues will see. */
export const joinOrganisationSchema = z.object({
  code: inviteCodeSchema,
  name: memberNameSchema,
});
export type JoinOrganisationInput = z.input<typeof joinOrganisationSchema>;
export type JoinOrganisation = z.output<typeof joinOrganisationSchema>;

/** 邀请成员: the role the invitee will have. */
export const inviteCreateSchema = z.object({ role: memberRoleSchema });
