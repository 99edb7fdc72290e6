import { View } from '@tarojs/components';
import { memberNameFormSchema } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../../api/client';
import { SchemaForm } from '../../../components/SchemaForm';
import { toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { Member } from './data';
import { pressable } from '../../../components/a11y';

/**
 * The name colleagues see. WeChat gives us none, so whoever registered the organisation is asked
 * for theirs here; others gave it when they joined.
 */
export function MyName({ me, onChanged }: { me: Member; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  if (!me.nameMissing && !open) {
    return (
      <View
        {...pressable()}
        className="members__rename link"
        id="members-rename"
        onClick={() => setOpen(true)}
      >
        修改我的姓名
      </View>
    );
  }
  return (
    <View className="card" id="members-name">
      <View className="card__title">{me.nameMissing ? '请填写您的姓名' : '修改我的姓名'}</View>
      {me.nameMissing ? (
        <View className="muted members__hint">
          单位其他成员和单位动态中将显示这个姓名，便于区分经办人。
        </View>
      ) : null}
      <SchemaForm
        idPrefix="member-name"
        schema={memberNameFormSchema}
        overrides={{ name: { maxLength: 20, placeholder: '如：张三' } }}
        initial={me.nameMissing ? {} : { name: me.name }}
        submitLabel="保存"
        onSubmit={async (input) => {
          await withSession(() => api.myOrg.members.setMyName.mutate(input as { name: string }));
          void toastDone('已保存');
          setOpen(false);
          onChanged();
        }}
      />
    </View>
  );
}
