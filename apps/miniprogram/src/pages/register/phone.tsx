import { useState } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { PhoneField } from '../../components/PhoneField';
import type { FieldControlContext } from '../../forms/schema-fields';
import { leaveIfLoggedOut, toast } from '../../services/nav';
import { withSession } from '../../services/session';

/**
 * A profile's mobile number: typed, or in WeChat filled from the phone-number button. The code
 * goes to the server (auth.phoneNumber), which asks WeChat and checks the number like the form.
 */
export function ProfilePhone({ control }: { control: FieldControlContext }) {
  const [busy, setBusy] = useState(false);
  const { id, spec, value } = control;

  const fromWeChat = async (code: string) => {
    setBusy(true);
    try {
      const { mobile } = await withSession(() => api.auth.phoneNumber.mutate({ code }));
      control.choose(mobile);
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PhoneField
      id={id}
      label={spec.title}
      required={control.required}
      hint={control.hint}
      error={control.error}
      placeholder={control.placeholder ?? '11位手机号码'}
      value={typeof value === 'string' ? value : ''}
      busy={busy}
      onChange={control.set}
      onBlur={control.touch}
      onWeChatCode={(code) => void fromWeChat(code)}
      onWeChatRefused={() => void toast('未获取微信手机号，请手动填写')}
    />
  );
}

/** The override that draws a mobile-number field with {@link ProfilePhone}. */
export const phoneOverride = {
  render: (control: FieldControlContext) => <ProfilePhone control={control} />,
};
