/**
 * Public pages (no login): the policy and its programme guides, the award and 科技副总 notices
 * while they run and their results after, the need board (需求榜: needs, never people), the
 * approved 创新联盟 (organisations, never people) and the 政策征求意见 (the draft clause by clause,
 * the answers once published; commenters as 公众 or their organisation). Server-rendered HTML with
 * no script, built from the same queries the admin uses (data.ts) and escaped by construction
 * (html.ts). apps/server serves them under `/public`.
 */
import type { PublicDeps } from './data';
import {
  awardNotice,
  needBoard,
  needQuery,
  noticeSummaries,
  policyOverview,
  programmeGuide,
  publicNeed,
  vpNotice,
} from './data';
import { needPage, needsPage } from './views-needs';
import { allianceQuery, allianceRegistry, publicAlliance } from './data-alliances';
import { alliancePage, alliancesPage } from './views-alliances';
import { consultationDetail, consultationList } from './data-consultations';
import { consultationPage, consultationsPage } from './views-consultations';
import { errorPage, notFoundPage } from './views-errors';
import { awardNoticePage, noticesPage, vpNoticePage } from './views-notices';
import { indexPage, programmePage } from './views-policy';
import { refreshPolicyCatalogue } from '../policy/catalogue';
import { publicPolicyVersion, publicPolicyVersions } from '../policy/versions';
import { policyVersionPage, policyVersionsPage } from './views-policy-versions';

export type { PublicDeps } from './data';
export { PUBLIC_BASE, PUBLIC_CSP, paths as publicPaths } from './layout';
export { html, escapeHtml, Html } from './html';

export interface PublicPage {
  status: 200 | 404 | 500;
  html: string;
}

const found = (html: string): PublicPage => ({ status: 200, html });
const missing = (): PublicPage => ({ status: 404, html: notFoundPage() });

export function createPublicPages(deps: PublicDeps) {
  return {
    index: async (): Promise<PublicPage> => {
      await refreshPolicyCatalogue(deps.db);
      return found(indexPage(policyOverview(deps.now())));
    },
    programme: async (id: string): Promise<PublicPage> => {
      await refreshPolicyCatalogue(deps.db);
      const guide = programmeGuide(deps.now(), id);
      return guide ? found(programmePage(guide)) : missing();
    },
    notices: async (): Promise<PublicPage> => found(noticesPage(await noticeSummaries(deps))),
    notice: async (id: string): Promise<PublicPage> => {
      const notice = await awardNotice(deps, id);
      return notice ? found(awardNoticePage(notice)) : missing();
    },
    vpNotice: async (id: string): Promise<PublicPage> => {
      const notice = await vpNotice(deps, id);
      return notice ? found(vpNoticePage(notice)) : missing();
    },
    /** `query`: the parsed query string (`kind`, `field`, `q`, `page`); the rest is ignored. */
    needs: async (query?: Record<string, unknown>): Promise<PublicPage> =>
      found(needsPage(await needBoard(deps, needQuery(query)))),
    need: async (id: string): Promise<PublicPage> => {
      const need = await publicNeed(deps, id);
      return need ? found(needPage(need)) : missing();
    },
    /** 创新联盟: approved alliances; `query`: `field`, `q`, `page` (the rest is ignored). */
    alliances: async (query?: Record<string, unknown>): Promise<PublicPage> =>
      found(alliancesPage(await allianceRegistry(deps, allianceQuery(query)))),
    alliance: async (id: string): Promise<PublicPage> => {
      const alliance = await publicAlliance(deps, id);
      return alliance ? found(alliancePage(alliance)) : missing();
    },
    /** 政策征求意见: every consultation, newest first. */
    consultations: async (): Promise<PublicPage> =>
      found(consultationsPage(await consultationList(deps))),
    consultation: async (id: string): Promise<PublicPage> => {
      const consultation = await consultationDetail(deps, id);
      return consultation ? found(consultationPage(consultation)) : missing();
    },
    /** 政策修订: every adopted version with its 修改对照表. */
    policyVersions: async (): Promise<PublicPage> =>
      found(policyVersionsPage(await publicPolicyVersions(deps))),
    policyVersion: async (id: string): Promise<PublicPage> => {
      const version = await publicPolicyVersion(deps, id);
      return version ? found(policyVersionPage(version)) : missing();
    },
    notFound: missing,
    error: (): PublicPage => ({ status: 500, html: errorPage() }),
  };
}

export type PublicPages = ReturnType<typeof createPublicPages>;
