import type { Db } from '@kc/db';
import { CURRENT_PRIVACY_NOTICE, isAreaCode } from '@kc/domain';
import type { WeChatClient } from '../auth/wechat';
import { WeChatError, WeChatLoginError } from '../auth/wechat';
import type { ApplicantCaller, Caller, OfficerCaller } from '../caller';
import type { ApiConfig } from '../config';
import type { Context } from '../context';
import { DEFAULT_MAX_FILE_BYTES } from '../files/config';
import { prismaFileRecords } from '../files/prisma-records';
import type { FileService } from '../files/service';
import { createFileService } from '../files/service';
import type { FileStore } from '../files/store';
import type { Logger } from '../logger';
import { roleFromDb } from '../mappers';
import { appRouter } from '../root';
import { createCallerFactory } from '../trpc';
import type { DemoClock } from './clock';
import { demoPdf } from './pdf';

/**
 * The people of the demo, each calling the API in-process as the server would call it for them:
 * the same procedures, checks, transactions, audit records, numbers and notifications. Only the
 * session lookup is skipped (the caller is set directly, as the bench does); audit records name
 * the user, not the session. New WeChat users sign in through `auth.wechatLogin`, which creates
 * their account, consent and session as for anyone.
 */

const createCaller = createCallerFactory(appRouter);
export type Api = ReturnType<typeof createCaller>;

export interface Actor<C extends Caller = Caller> {
  caller: C;
  api: Api;
}
export type Officer = Actor<OfficerCaller>;
export type Applicant = Actor<ApplicantCaller>;

export interface DemoDeps {
  db: Db;
  fileStore: FileStore;
  config: ApiConfig;
  log: Logger;
  clock: DemoClock;
}

/** In-process sign-in for the demo's own WeChat users: the code is their openid. */
const demoWeChat: WeChatClient = {
  async code2Session(code) {
    if (!code.startsWith('demo-openid-')) throw new WeChatLoginError('not a demo user', 40029);
    return { openid: code };
  },
  async phoneNumber() {
    throw new WeChatError('the demo has no phone numbers', 40029);
  },
};

export class DemoActors {
  private readonly officers = new Map<string, Officer>();
  private readonly applicants = new Map<string, Applicant>();
  private readonly files: FileService;

  constructor(private readonly deps: DemoDeps) {
    this.files = createFileService({
      store: deps.fileStore,
      records: prismaFileRecords(deps.db.prisma, deps.clock.now),
      maxBytes: DEFAULT_MAX_FILE_BYTES,
      audit: deps.db.prisma,
      now: deps.clock.now,
    });
  }

  get db() {
    return this.deps.db;
  }

  private context(caller: Caller | null): Context {
    return {
      db: this.deps.db,
      wechat: demoWeChat,
      config: this.deps.config,
      log: this.deps.log,
      now: this.deps.clock.now,
      fileStore: this.deps.fileStore,
      caller,
      authError: null,
      ip: null,
      userAgent: null,
    };
  }

  private actor<C extends Caller>(caller: C): Actor<C> {
    return { caller, api: createCaller(this.context(caller)) };
  }

  /** A demo officer by login name (seedDemo's accounts). */
  async officer(username: string): Promise<Officer> {
    const known = this.officers.get(username);
    if (known) return known;
    const user = await this.deps.db.prisma.user.findUniqueOrThrow({ where: { username } });
    if (!user.role) throw new Error(`${username} is not an officer`);
    const officer = this.actor<OfficerCaller>({
      kind: 'officer',
      userId: user.id,
      sessionId: user.id,
      username,
      displayName: user.displayName,
      role: roleFromDb(user.role),
      areaCode: user.areaCode && isAreaCode(user.areaCode) ? user.areaCode : null,
    });
    this.officers.set(username, officer);
    return officer;
  }

  /** The area officer of `areaCode` (the formal check's first step). */
  async areaOfficer(areaCode: string): Promise<Officer> {
    const officer = await this.areaOfficerIfAny(areaCode);
    if (!officer) throw new Error(`no area officer for ${areaCode}`);
    return officer;
  }

  /** The area's first officer, or null where the area has none (the bureau acts for it). */
  async areaOfficerIfAny(areaCode: string): Promise<Officer | null> {
    const user = await this.deps.db.prisma.user.findFirst({
      where: { kind: 'OFFICER', role: 'AREA_OFFICER', areaCode, disabled: false },
      orderBy: { createdAt: 'asc' },
    });
    return user?.username ? this.officer(user.username) : null;
  }

  /** A WeChat user who exists already (seedDemo's firms, researchers and experts). */
  async applicant(openid: string): Promise<Applicant> {
    const known = this.applicants.get(openid);
    if (known) return known;
    const user = await this.deps.db.prisma.user.findUniqueOrThrow({ where: { openid } });
    const applicant = this.actor<ApplicantCaller>({
      kind: 'applicant',
      userId: user.id,
      sessionId: user.id,
      openid,
    });
    this.applicants.set(openid, applicant);
    return applicant;
  }

  /** A new WeChat user: signs in through the mini-program's login, accepting the privacy notice. */
  async signUp(openid: string): Promise<Applicant> {
    await createCaller(this.context(null)).auth.wechatLogin({
      code: openid,
      acceptedNoticeVersion: CURRENT_PRIVACY_NOTICE.version,
    });
    return this.applicant(openid);
  }

  /** Uploads a PDF as the applicant, through the file service POST /files uses. */
  async upload(who: Applicant, fileName: string, description: string): Promise<string> {
    const file = await this.files.uploadEvidence({
      caller: who.caller,
      bytes: demoPdf([
        'Suzhou Science and Technology Bureau - demo attachment (fictitious)',
        description,
        `Uploaded ${this.deps.clock.now().toISOString()}`,
      ]),
      originalName: `${fileName}.pdf`,
    });
    return file.id;
  }
}
