import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { creditCodeCheckChar, residentIdCheckChar } from '@kc/domain';
import type { Api, RouterInputs } from './api';
import { apiClient, applicantToken } from './api';

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

export async function registerFirm(
  stack: StackUrls,
  options: Pick<OrganisationForm, 'name'> &
    Partial<Pick<OrganisationForm, 'qualifications' | 'areaCode' | 'fieldCodes' | 'subFieldCodes'>>,
) {
  const firm = await newApplicant(stack, 'firm');
  const creditCode = uniqueCreditCode();
  await firm.api.profile.saveOrganisation.mutate({
    type: 'firm',
    name: options.name,
    creditCode,
    areaCode: options.areaCode ?? 'yongqiao',
    fieldCodes: options.fieldCodes ?? ['low-carbon-energy'],
    subFieldCodes: options.subFieldCodes ?? [],
    qualifications: options.qualifications ?? [],
    contactName: '王经理',
    contactPhone: '13800001111',
  });
  return { ...firm, creditCode };
}

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

/** A 1×1 PNG. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
}
