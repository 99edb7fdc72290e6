import type { Harness } from './harness';

/**
 * Marks a registered organisation verified, as an area officer's approval would leave it (that
 * flow is tested in organisation-verification tests): for tests whose subject comes after it.
 */
export async function verifiedInDb(h: Harness, organisationId: string) {
  return h.prisma.organisation.update({
    where: { id: organisationId },
    data: { verificationStatus: 'verified', verifiedAt: h.clock.now, updatedAt: h.clock.now },
  });
}
