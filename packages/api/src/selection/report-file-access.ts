import type { FileHolders } from '../files/holder-access';

/**
 * A project report's files (报告正文, 专项资金使用情况, 佐证材料) are read where the project is: by
 * the officers who see it — the lead unit's area officer and the bureau (the grant names the
 * project and the report for the download's audit record) — and by the lead unit's members,
 * whichever colleague uploaded them. Nobody else: another firm's download answers as a missing
 * file does.
 */
export const reportHolders: FileHolders = async (read, fileIds) =>
  (
    await read.prisma.projectReportFile.findMany({
      where: { fileId: { in: [...fileIds] } },
      select: {
        fileId: true,
        report: {
          select: {
            id: true,
            kind: true,
            project: {
              select: { id: true, number: true, areaCode: true, organisationId: true },
            },
          },
        },
      },
    })
  ).map(({ fileId, report: { project, ...report } }) => ({
    fileId,
    organisationId: project.organisationId,
    areaCode: project.areaCode,
    // A report exists once submitted: the bureau has it from then on.
    seenByOfficers: true,
    details: {
      projectId: project.id,
      number: project.number,
      reportId: report.id,
      reportKind: report.kind,
    },
  }));
