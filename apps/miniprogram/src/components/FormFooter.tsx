import { Button, View } from '@tarojs/components';
import { open, routes } from '../services/nav';

/**
 * A refusal about no one field of a form, said above its button. A form an unverified organisation
 * may not send offers the way to 机构认证 (`verifyId`) when that is the refusal.
 */
export function FormRefusal(props: {
  id: string;
  message: string | null | undefined;
  appCode?: string | null;
  verifyId?: string;
}) {
  if (!props.message) return null;
  return (
    <View className="notice notice--danger" id={props.id} role="alert">
      {props.message}
      {props.verifyId && props.appCode === 'ORGANISATION_NOT_VERIFIED' ? (
        <Button
          id={props.verifyId}
          className="btn btn--ghost btn--small"
          onClick={() => void open(routes.orgVerify)}
        >
          去机构认证
        </Button>
      ) : null}
    </View>
  );
}

/** A page's one submit button, fixed at the bottom; busy while the request runs. */
export function SubmitBar(props: {
  id: string;
  label: string;
  busy: boolean;
  onSubmit: () => Promise<void>;
}) {
  return (
    <View className="footer-bar">
      <Button
        id={props.id}
        className="btn btn--primary"
        loading={props.busy}
        disabled={props.busy || undefined}
        onClick={() => void props.onSubmit()}
      >
        {props.label}
      </Button>
    </View>
  );
}
