import type { FileHolders } from '../files/holder-access';

/**
 * An alliance's charter (章程) is read where the registration is decided: by an officer of the
 * lead firm's area or the bureau (the grant names the alliance for the download's audit record),
 * and by the lead firm's members, whichever colleague uploaded it. It is not public: the public
 * pages say only that it is on file.
 */
export const charterHolders: FileHolders = async (read, fileIds) =>
  (
    await read.prisma.alliance.findMany({
      where: { charterFileId: { in: [...fileIds] } },
      select: {
        id: true,
        number: true,
        areaCode: true,
        leadOrganisationId: true,
        charterFileId: true,
      },
    })
  ).map((a) => ({
    fileId: a.charterFileId,
    organisationId: a.leadOrganisationId,
    areaCode: a.areaCode,
    seenByOfficers: true,
    details: { allianceId: a.id, number: a.number },
  }));
