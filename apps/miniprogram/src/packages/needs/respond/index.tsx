import { Button, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { needResponseSchema } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../../api/client';
import { SchemaForm } from '../../../components/SchemaForm';
import { EmptyState, NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { back, open, routes, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import { responderOf } from '../data';
import '../needs.css';

/**
 * 揭榜 (`?id=`): a researcher or a member of an organisation offers to take a published need on,
 * with a message of 10–1000 characters checked by the domain's `needResponseSchema`. Someone
 * without a profile is sent to complete it first. The API's refusals (already responded, the
 * organisation's own need) are said above the button in its own words.
 */
export default function NeedRespondPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const [done, setDone] = useState(false);
  // Reloaded on show: coming back from completing the profile offers the form.
  const { loaded, reload } = useLoader(async () => {
    const [need, profile] = await Promise.all([
      api.needs.publishedById.query({ id }),
      api.profile.mine.query(),
    ]);
    return { need, responder: responderOf(profile) };
  });

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  const { need, responder } = loaded.data;
  return (
    <View className={`${pageClass} page--footer`} id="respond-page">
      <View className="card record-head">
        <View className="record__overline">
          {need.kindName} · {need.number}
        </View>
        <View className="record-head__title" id="respond-need-title">
          {need.title}
        </View>
        <View className="muted">发布单位：{need.organisationName}</View>
      </View>
      {responder === null ? (
        <EmptyState
          id="respond-no-profile"
          title="请先完善资料"
          hint="揭榜须以科研人员或单位的名义提交：请先登记个人（科研人员）或单位资料"
          action={
            <Button
              id="respond-register"
              className="btn btn--primary btn--small"
              onClick={() => void open(routes.register)}
            >
              去完善资料
            </Button>
          }
        />
      ) : done ? (
        <View className="card" id="respond-done">
          <View className="notice notice--success" role="status">
            已提交揭榜。发布单位将看到{responder}的揭榜说明，并通过您留下的联系方式与您联系。
          </View>
          <Button id="respond-back" className="btn btn--ghost" onClick={() => void back()}>
            返回需求
          </Button>
        </View>
      ) : (
        <View className="card">
          <View className="muted need__hint" id="respond-as">
            以“{responder}”的名义揭榜。说明只有发布单位和科技部门可见。
          </View>
          <SchemaForm
            idPrefix="respond"
            schema={needResponseSchema}
            submitLabel="提交揭榜"
            footer
            onSubmit={async (input) => {
              await withSession(() =>
                api.needs.respond.mutate({ id, message: String(input.message ?? '') }),
              );
              void toastDone('已揭榜');
              setDone(true);
            }}
          />
        </View>
      )}
    </View>
  );
}
