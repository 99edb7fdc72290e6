import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { creditCodeCheckChar, residentIdCheckChar } from '@kc/domain';
import type { Api, RouterInputs } from './api';
import { apiClient, applicantToken, officerApi } from './api';

/**
 * Test data for the mini-program flows, made through the real API: WeChat applicants (via the
 * fake WeChat), officers, firms and researchers with unique credit codes and ID numbers, so
 * flows sharing one database never collide.
 */
export interface StackUrls {
  apiUrl: string;
  wechatUrl: string;
  h5Url: string;
}

const suffix = () => randomBytes(3).toString('hex').toUpperCase();

export function uniqueOpenid(label: string): string {
  return `e2e-mp-${label}-${randomBytes(6).toString('hex')}`;
}

/** A valid 18-character credit code, different each call. */
export function uniqueCreditCode(): string {
  const digits = String(Date.now() % 1_000_000).padStart(6, '0');
  const body = `913413${digits}${suffix()
    .slice(0, 5)
    .replace(/[IOSVZ]/g, 'A')}`.slice(0, 17);
  return body + creditCodeCheckChar(body);
}

/** A valid resident ID of someone born in 1976–1995 (under the 科技副总 age limit), unique enough. */
export function uniqueResidentId(): string {
  const pick = (n: number) => Math.floor(Math.random() * n);
  const birth = `${1976 + pick(20)}${String(1 + pick(12)).padStart(2, '0')}${String(1 + pick(28)).padStart(2, '0')}`;
  const serial = String(pick(1000)).padStart(3, '0');
  const body = `341302${birth}${serial}`;
  return body + residentIdCheckChar(body);
}

export interface Applicant {
  openid: string;
  token: string;
  api: Api;
}

export async function newApplicant(stack: StackUrls, label: string): Promise<Applicant> {
  const openid = uniqueOpenid(label);
  const token = await applicantToken(stack, openid);
  return { openid, token, api: apiClient(stack.apiUrl, token) };
}

type OrganisationForm = RouterInputs['profile']['saveOrganisation'];
type ResearcherForm = RouterInputs['profile']['saveResearcher'];

export interface RegisterFirmOptions
  extends
    Pick<OrganisationForm, 'name'>,
    Partial<
      Pick<OrganisationForm, 'qualifications' | 'areaCode' | 'fieldCodes' | 'subFieldCodes'>
    > {
  /**
   * Through 机构认证 as a firm would go (default): the licence submitted by its administrator, then
   * approved by the area officer. `false` leaves it registered but unverified.
   */
  verified?: boolean;
  /** Its 收款账户 entered by the administrator (default false). */
  bankAccount?: boolean;
}

/** The area officer who verifies organisations of an area in the demo (or the bureau's reviewer). */
function verifierOf(areaCode: string): string {
  return areaCode === 'yongqiao' || areaCode === 'dangshan' ? areaCode : 'reviewer';
}

export async function registerFirm(stack: StackUrls, options: RegisterFirmOptions) {
  const firm = await newApplicant(stack, 'firm');
  const creditCode = uniqueCreditCode();
  const areaCode = options.areaCode ?? 'yongqiao';
  await firm.api.profile.saveOrganisation.mutate({
    type: 'firm',
    name: options.name,
    creditCode,
    areaCode,
    fieldCodes: options.fieldCodes ?? ['low-carbon-energy'],
    subFieldCodes: options.subFieldCodes ?? [],
    qualifications: options.qualifications ?? [],
    contactName: '王经理',
    contactPhone: '13800001111',
  });
  if (options.verified !== false) await verifyFirm(stack, firm, areaCode);
  if (options.bankAccount) await enterBankAccount(firm, options.name);
  return { ...firm, creditCode };
}

/** 机构认证 through the API: the administrator submits the licence, the area officer approves. */
export async function verifyFirm(
  stack: Pick<StackUrls, 'apiUrl'>,
  firm: Applicant,
  areaCode: string,
) {
  const licence = await uploadAs(stack.apiUrl, firm.token, '营业执照.png', tinyPng());
  const submitted = await firm.api.myOrg.verification.submit.mutate({
    licenceKind: 'business-licence',
    licenceFileId: licence.id,
    legalRepName: '王经理',
    actingRole: 'legal-representative',
  });
  const officer = await officerApi(stack.apiUrl, verifierOf(areaCode));
  await officer.orgReview.verifications.decide.mutate({
    id: submitted.latest?.id ?? '',
    decision: 'approve',
  });
}

/** The firm's 收款账户, as its administrator enters it (开户名称 = the verified name). */
export async function enterBankAccount(firm: Applicant, name: string) {
  await firm.api.myOrg.bankAccount.save.mutate({
    holder: name,
    bankName: '中国工商银行',
    branchName: '宿州分行营业部',
    accountNo: E2E_ACCOUNT_NO,
    accountNoConfirm: E2E_ACCOUNT_NO,
  });
}

/** The account number the browser tests give their firms (masked ****4567 everywhere but finance). */
export const E2E_ACCOUNT_NO = '6222021301004567';

export async function registerResearcher(
  stack: StackUrls,
  options: Pick<ResearcherForm, 'name'> &
    Partial<
      Pick<ResearcherForm, 'fieldCodes' | 'subFieldCodes' | 'expertise' | 'preferredAreaCodes'>
    >,
) {
  const researcher = await newApplicant(stack, 'researcher');
  await researcher.api.profile.saveResearcher.mutate({
    name: options.name,
    residentId: uniqueResidentId(),
    mobile: '13955556666',
    institutionName: '合肥工业大学',
    title: 'professor',
    fieldCodes: options.fieldCodes ?? ['low-carbon-energy'],
    subFieldCodes: options.subFieldCodes ?? [],
    expertise: options.expertise ?? '膜电极制备、低铂催化剂、燃料电池电堆集成',
    preferredAreaCodes: options.preferredAreaCodes ?? [],
  });
  return researcher;
}

/** Opens the H5 build as this WeChat user (the fake WeChat issues codes for the stored openid). */
export async function openAs(context: BrowserContext, page: Page, h5Url: string, openid: string) {
  await context.addInitScript((id) => {
    window.localStorage.setItem('kc.h5.openid', id);
  }, openid);
  await page.goto(h5Url);
  await page.locator('#login-consent').click();
  await page.locator('#login-submit').click();
}

/**
 * Waits until 政策 (where a registered applicant lands after login) is on screen, not only in
 * the address bar. Going to another page while Taro's router is still finishing the login's
 * reLaunch leaves the new page hidden behind 政策 (seen on a loaded CI machine).
 */
export async function landedOnProgrammes(page: Page) {
  await page.waitForURL(/pages\/programmes/);
  await page.locator('#programmes-page').waitFor({ state: 'visible' });
}

/** Uploads a file as an applicant (for data set up through the API). */
export async function uploadAs(apiUrl: string, token: string, name: string, bytes: Buffer) {
  const res = await fetch(`${apiUrl}/files`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body: new Uint8Array(bytes),
  });
  if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

/**
 * A one-page PDF (the server checks content, not names). `label` makes the bytes differ: the
 * server stores identical content once, so two documents must not be byte-for-byte the same.
 */
export function tinyPdf(label = ''): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${encodeURIComponent(label)} ${randomBytes(4).toString('hex')}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/**
 * A 1×1 PNG. Bytes after its end chunk make each one differ (image readers ignore them): the
 * server stores identical content once, so a licence and a certificate must not be the same file.
 */
export function tinyPng(label = ''): Buffer {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  return Buffer.concat([
    png,
    Buffer.from(`${encodeURIComponent(label)} ${randomBytes(4).toString('hex')}`),
  ]);
}
