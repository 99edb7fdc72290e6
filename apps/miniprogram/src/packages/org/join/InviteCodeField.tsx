import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { INVITE_QR_PREFIX } from '@kc/domain';
import { TextField } from '../../../components/TextField';
import { env } from '../../../env';
import type { FieldControlContext } from '../../../forms/schema-fields';
import { toast } from '../../../services/nav';

/** Whether a scan is one of our invitation QR codes (and not a shop's or a website's). */
export function isInviteQr(text: string): boolean {
  return text.trim().toUpperCase().startsWith(INVITE_QR_PREFIX);
}

/**
 * The invitation code: typed, or in WeChat scanned from the administrator's QR. A browser (H5)
 * has no camera access here, so the code is typed.
 */
export function InviteCodeField({ control }: { control: FieldControlContext }) {
  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      if (isInviteQr(result)) control.choose(result.trim());
      else void toast('这不是单位邀请二维码，请扫描管理员出示的邀请码');
    } catch {
      // Closing the scanner is not an error: the code can still be typed.
    }
  };
  return (
    <TextField
      id={control.id}
      label={control.spec.title}
      required={control.required}
      hint={control.hint ?? '8位字母和数字，不区分大小写'}
      error={control.error}
      placeholder={control.placeholder ?? '请输入管理员给您的邀请码'}
      value={typeof control.value === 'string' ? control.value : ''}
      maxlength={40}
      onChange={control.set}
      onBlur={control.touch}
      addon={
        env.platform === 'weapp' ? (
          <Button
            id={`${control.id}-scan`}
            className="btn btn--ghost btn--small"
            onClick={() => void scan()}
          >
            扫一扫邀请二维码
          </Button>
        ) : null
      }
    />
  );
}
