import type { OrganisationProfileInput } from '@kc/domain';
import { creditCode, firmInput } from './fixtures';
import type { Harness } from './harness';

let serial = 1200;

/** A newly registered organisation; the person who registered it is its administrator. */
export async function registeredOrg(h: Harness, overrides: Partial<OrganisationProfileInput> = {}) {
  const n = serial++;
  const openid = `org-admin-${n}`;
  const admin = await h.applicant(openid);
  const org = await admin.profile.saveOrganisation.mutate(
    firmInput({ creditCode: creditCode(n), name: `宿州成员测试科技有限公司${n}`, ...overrides }),
  );
  const me = await admin.auth.me.query();
  return { admin, openid, org, userId: me.id };
}

type Client = Awaited<ReturnType<Harness['applicant']>>;

/** A colleague the administrator invites, who joins with the code under `name`. */
export async function invitedMember(
  h: Harness,
  admin: Client,
  role: 'admin' | 'agent',
  name: string,
) {
  const { code } = await admin.myOrg.members.invite.mutate({ role });
  const client = await h.applicant();
  const joined = await client.myOrg.members.join.mutate({ code, name });
  const me = await client.auth.me.query();
  return { client, memberId: joined.memberId, userId: me.id };
}
