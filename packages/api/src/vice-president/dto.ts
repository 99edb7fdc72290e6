import type {
  Organisation,
  Researcher,
  StoredFile,
  VpCall,
  VpCandidate,
  VpEvaluation,
  VpNeed,
  VpResult,
  VpSecondment,
  VpWorkLog,
} from '@kc/db';
import type { PairScore, VpCallStatus } from '@kc/domain';
import {
  ageOn,
  areaName,
  fieldName,
  maskMobile,
  researcherTitleName,
  subFieldName,
  vpCallActionsFrom,
  vpCallStatusName,
  vpGradeName,
  vpResultKindName,
  vpSecondmentStatusName,
} from '@kc/domain';
import { dateOf } from '../dates';

/** A call's row, with its agreement template's file when the query included it. */
type CallRow = VpCall & { agreementTemplateFile?: Pick<StoredFile, 'originalName'> | null };

export function callDto(call: CallRow) {
  return {
    id: call.id,
    number: call.number,
    year: call.year,
    title: call.title,
    status: call.status as VpCallStatus,
    statusLabel: vpCallStatusName(call.status),
    /** what a bureau officer may do next */
    nextActions: vpCallActionsFrom(call.status as VpCallStatus),
    settingsVersion: call.settingsVersion,
    needsDeadline: dateOf(call.needsDeadline),
    applicationsDeadline: dateOf(call.applicationsDeadline),
    referenceDate: dateOf(call.referenceDate),
    noticeStartsOn: dateOf(call.noticeStartsOn),
    noticeEndsOn: dateOf(call.noticeEndsOn),
    confirmedRunId: call.confirmedRunId,
    /** the three-party agreement template officers offer for download (协议模板) */
    agreementTemplate: call.agreementTemplateFileId
      ? {
          fileId: call.agreementTemplateFileId,
          name: call.agreementTemplateFile?.originalName ?? '三方协议模板',
        }
      : null,
    inputRevision: call.inputRevision,
    version: call.version,
  };
}

/** A need as anyone taking part may read it: no contact details. */
export function needDto(need: VpNeed & { organisation: Pick<Organisation, 'name'> }) {
  return {
    id: need.id,
    callId: need.callId,
    organisationId: need.organisationId,
    organisationName: need.organisation.name,
    areaCode: need.areaCode,
    areaName: areaName(need.areaCode),
    title: need.title,
    fieldCode: need.fieldCode,
    fieldName: fieldName(need.fieldCode),
    subFieldCode: need.subFieldCode,
    subFieldName: need.subFieldCode ? subFieldName(need.subFieldCode) : null,
    problem: need.problem,
    expertiseWanted: need.expertiseWanted,
    daysPerYear: need.daysPerYear,
    positions: need.positions,
    status: need.status,
  };
}

/** The firm's own view adds what it declared about investors and partners. */
export function ownNeedDto(need: VpNeed & { organisation: Pick<Organisation, 'name'> }) {
  return {
    ...needDto(need),
    investorInstitutions: need.investorInstitutions,
    priorPartners: need.priorPartners,
  };
}

type CandidateRow = VpCandidate & { researcher: Researcher };

/** A candidate as officers see them: age instead of birth date, masked phone, no ID number. */
export function candidateDto(c: CandidateRow, referenceDate: Date) {
  return {
    id: c.id,
    callId: c.callId,
    researcherId: c.researcherId,
    name: c.researcher.name,
    title: c.researcher.title,
    titleName: researcherTitleName(c.researcher.title),
    age: ageOn(dateOf(c.researcher.birthDate), dateOf(referenceDate)),
    mobileMasked: maskMobile(c.researcher.mobile),
    institutionName: c.institutionName,
    institutionKind: c.institutionKind,
    employment: c.employment,
    contractYears: c.contractYears,
    fieldCodes: c.fieldCodes,
    fieldNames: c.fieldCodes.map(fieldName),
    subFieldCodes: c.subFieldCodes,
    expertise: c.expertise,
    achievements: c.achievements,
    preferredAreaCodes: c.preferredAreaCodes,
    priorityFlags: c.priorityFlags,
    capacity: c.capacity,
    relatedFirmCreditCodes: c.relatedFirmCreditCodes,
    status: c.status,
  };
}

/** Who the firm is matched with: name, institution and title; no phone, age or ID. */
export function researcherCardDto(c: CandidateRow) {
  return {
    candidateId: c.id,
    name: c.researcher.name,
    titleName: researcherTitleName(c.researcher.title),
    institutionName: c.institutionName,
    expertise: c.expertise,
  };
}

export function scoreDto(score: PairScore) {
  return { total: score.total, max: score.max, parts: score.parts };
}

type SecondmentRow = VpSecondment & {
  need: VpNeed & { organisation: Organisation };
  candidate: CandidateRow;
  agreementFile: StoredFile | null;
  call: VpCall;
};

export function secondmentDto(s: SecondmentRow) {
  return {
    id: s.id,
    callId: s.callId,
    callNumber: s.call.number,
    callTitle: s.call.title,
    status: s.status,
    statusLabel: vpSecondmentStatusName(s.status),
    score: s.score,
    areaCode: s.areaCode,
    areaName: areaName(s.areaCode),
    need: needDto(s.need),
    researcher: researcherCardDto(s.candidate),
    agreement: s.agreementFile
      ? {
          fileId: s.agreementFile.id,
          name: s.agreementFile.originalName,
          uploadedAt: s.agreementAt,
        }
      : null,
    startDate: dateOf(s.startDate),
    endDate: dateOf(s.endDate),
    endedAt: s.endedAt,
    endReason: s.endReason,
    version: s.version,
  };
}

export function workLogDto(log: VpWorkLog) {
  return {
    id: log.id,
    month: log.month,
    daysOnSite: log.daysOnSite,
    activities: log.activities,
    updatedAt: log.updatedAt,
  };
}

export function resultDto(r: VpResult) {
  return {
    id: r.id,
    kind: r.kind,
    kindName: vpResultKindName(r.kind),
    title: r.title,
    occurredOn: dateOf(r.occurredOn),
    contractAmountFen: r.contractAmountFen,
    quantity: r.quantity,
    note: r.note,
  };
}

export function evaluationDto(e: VpEvaluation) {
  return {
    id: e.id,
    year: e.year,
    grade: e.grade,
    gradeName: vpGradeName(e.grade),
    comment: e.comment,
    createdAt: e.createdAt,
  };
}
