import type { RuleDraft } from '../types';
import { scenarioCase } from './4-1-scenario-case';
import { keyProject } from './4-2-key-project';
import { rdPlatform } from './4-3-rd-platform';
import { academicianCentreCity } from './4-5-academician-centre-city';
import { academicianWorkstationCity } from './4-5-academician-workstation-city';
import { academicianWorkstationProvincial } from './4-5-academician-workstation-provincial';
import { talentTeam } from './4-5-talent-team';
import { techTransfer } from './4-8-tech-transfer';
import { highTechEnterprise } from './4-10-high-tech-enterprise';
import { innovationContest } from './4-12-innovation-contest';
import { incubator } from './4-9-incubator';

export {
  scenarioCase,
  scenarioCaseInput,
  scenarioSelectionYear,
  selectionYearFits,
  SCENARIO_DOMAINS,
} from './4-1-scenario-case';
export { keyProject, keyProjectTrancheInput } from './4-2-key-project';
export {
  rdPlatform,
  rdPlatformInput,
  RD_PLATFORM_KINDS,
  RD_PLATFORM_LEVELS,
} from './4-3-rd-platform';
export { talentTeam, talentTeamInput, TALENT_TEAM_CATEGORIES } from './4-5-talent-team';
export {
  academicianWorkstationProvincial,
  academicianWorkstationProvincialInput,
} from './4-5-academician-workstation-provincial';
export { academicianCentreCity, academicianCentreCityInput } from './4-5-academician-centre-city';
export {
  academicianWorkstationCity,
  academicianWorkstationCityInput,
} from './4-5-academician-workstation-city';
export {
  techTransfer,
  techTransferInput,
  techTransferPaymentInput,
  SELLER_LOCATIONS,
} from './4-8-tech-transfer';
export { incubator, incubatorInput } from './4-9-incubator';
export {
  highTechEnterprise,
  highTechEnterpriseInput,
  HIGH_TECH_RECOGNITION_TYPES,
} from './4-10-high-tech-enterprise';
export {
  innovationContest,
  innovationContestInput,
  CONTEST_PRIZES,
} from './4-12-innovation-contest';

/**
 * The plan's money clauses, in clause order: the ten with a fixed amount, and 四.2's project funds,
 * which the project module raises (a project's tranches).
 */
export const SUZHOU_FUTURE_RULES: readonly RuleDraft[] = [
  scenarioCase,
  keyProject,
  rdPlatform,
  talentTeam,
  academicianWorkstationProvincial,
  academicianCentreCity,
  academicianWorkstationCity,
  techTransfer,
  incubator,
  highTechEnterprise,
  innovationContest,
];
