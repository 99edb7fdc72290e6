import type { TransactionClient } from '@kc/db';
import { writeAudit } from '../audit';
import { appError } from '../errors';
import type { OfficerCtx } from './common';
import { assertBureau, lockCall } from './common';
import { callDto } from './dto';

/** What a call's queries include so its DTO names the template file. */
export const TEMPLATE_INCLUDE = {
  agreementTemplateFile: { select: { originalName: true } },
} as const;

/** A template is something to fill in and print: PDF or Word. */
const TEMPLATE_TYPES: readonly string[] = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/**
 * A bureau officer attaches the three-party agreement template (协议模板) to a call: a file they
 * uploaded themselves (POST /files/templates). Replacing it later is the same action; the audit
 * log keeps each one.
 */
export async function setAgreementTemplate(
  ctx: OfficerCtx,
  req: { callId: string; fileId: string },
) {
  assertBureau(ctx.caller);
  return ctx.db.prisma.$transaction(async (tx) => {
    await lockCall(tx, req.callId);
    const file = await tx.storedFile.findUnique({ where: { id: req.fileId } });
    if (!file || file.ownerUserId !== ctx.caller.userId)
      throw appError('INVALID_INPUT', {
        message: '模板文件不存在或不是您上传的',
        fieldErrors: { fileId: ['模板文件不存在或不是您上传的'] },
      });
    if (!TEMPLATE_TYPES.includes(file.mimeType))
      throw appError('INVALID_INPUT', {
        message: '协议模板须为PDF或Word（.docx）文件',
        fieldErrors: { fileId: ['协议模板须为PDF或Word（.docx）文件'] },
      });
    const call = await tx.vpCall.update({
      where: { id: req.callId },
      data: { agreementTemplateFileId: file.id, updatedAt: ctx.now() },
      include: TEMPLATE_INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: 'vp.call.agreement-template',
      objectType: 'vp_call',
      objectId: call.id,
      details: { fileId: file.id, name: file.originalName },
    });
    return callDto(call);
  });
}

/** The template of a call, as a secondment's parties see it (null when none was uploaded). */
export async function agreementTemplateOf(db: Pick<TransactionClient, 'vpCall'>, callId: string) {
  const call = await db.vpCall.findUnique({ where: { id: callId }, include: TEMPLATE_INCLUDE });
  return call ? callDto(call).agreementTemplate : null;
}
