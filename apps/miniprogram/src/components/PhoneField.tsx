import { Button } from '@tarojs/components';
import { env } from '../env';
import { TextField } from './TextField';

export interface PhoneFieldProps {
  id: string;
  label: string;
  value: string;
  required?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  placeholder?: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** WeChat gave a one-time phone-number code (the server exchanges it for the number). */
  onWeChatCode: (code: string) => void;
  /** The user closed WeChat's dialog or WeChat gave no code: they type the number instead. */
  onWeChatRefused: () => void;
  busy?: boolean;
}

/**
 * A mobile number. In WeChat, one tap on `<button open-type="getPhoneNumber">` fills it with the
 * number WeChat has verified; typing stays possible (no WeChat number, another number, refusal).
 * The H5 build has no such button: the number is typed.
 */
export function PhoneField(props: PhoneFieldProps) {
  const button =
    env.platform === 'weapp' ? (
      <Button
        id={`${props.id}-wechat`}
        className="btn btn--ghost btn--small"
        openType="getPhoneNumber"
        loading={props.busy}
        disabled={props.busy || undefined}
        onGetPhoneNumber={(e) => {
          const code = e.detail.code;
          if (code) props.onWeChatCode(code);
          else props.onWeChatRefused();
        }}
      >
        使用微信绑定的手机号
      </Button>
    ) : null;
  return (
    <TextField
      id={props.id}
      label={props.label}
      required={props.required}
      hint={props.hint}
      error={props.error}
      type="number"
      value={props.value}
      placeholder={props.placeholder}
      maxlength={16}
      onChange={props.onChange}
      onBlur={props.onBlur}
      addon={button}
    />
  );
}
