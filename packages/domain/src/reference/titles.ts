import { codesOf, nameLookup } from './lookup';

/** Professional titles (职称) of researchers. */
export const RESEARCHER_TITLES = [
  { code: 'professor', name: '教授' },
  { code: 'associate-professor', name: '副教授' },
  { code: 'lecturer', name: '讲师' },
  { code: 'researcher', name: '研究员' },
  { code: 'associate-researcher', name: '副研究员' },
  { code: 'assistant-researcher', name: '助理研究员' },
  { code: 'senior-engineer-professor', name: '正高级工程师' },
  { code: 'senior-engineer', name: '高级工程师' },
  { code: 'engineer', name: '工程师' },
  { code: 'other', name: '其他' },
] as const;

export type ResearcherTitle = (typeof RESEARCHER_TITLES)[number]['code'];
export const RESEARCHER_TITLE_CODES = codesOf(RESEARCHER_TITLES);

export const researcherTitleName = nameLookup(RESEARCHER_TITLES);
