import { Button, View } from '@tarojs/components';
import { open, routes } from '../../services/nav';

/**
 * Shown when registration is refused because the credit code is taken: the newcomer is not
 * stuck — someone entitled to act for the organisation files a 认领申诉 with the code carried over.
 */
export function ClaimOffer({ creditCode }: { creditCode: string }) {
  return (
    <View className="notice notice--warning register__claim" id="register-claim">
      <View>
        统一社会信用代码 {creditCode}{' '}
        已被其他账号注册。如您是该单位的法定代表人或经单位授权，可提交认领申诉，由县区核实后将单位账号移交给您。
      </View>
      <Button
        id="register-claim-action"
        className="btn btn--primary btn--small"
        onClick={() => void open(routes.orgClaim, { creditCode })}
      >
        提交认领申诉
      </Button>
    </View>
  );
}
