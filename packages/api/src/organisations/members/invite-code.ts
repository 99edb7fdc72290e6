import { createHash, randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, INVITE_QR_PREFIX } from '@kc/domain';

/** A fresh one-time code: each character drawn uniformly (crypto) from the look-alike-free alphabet. */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++)
    code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** Only this is stored: a leaked table does not hand out working codes. */
export function hashInviteCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/** The QR a colleague scans in WeChat: the code behind a prefix the join page recognises. */
export function inviteQrSvg(code: string): Promise<string> {
  return QRCode.toString(`${INVITE_QR_PREFIX}${code}`, {
    type: 'svg',
    // An intrinsic size: an <img> of an SVG with only a viewBox is drawn 300×150.
    width: 256,
    margin: 2,
    errorCorrectionLevel: 'M',
  });
}
