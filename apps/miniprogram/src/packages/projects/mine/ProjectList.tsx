import { View } from '@tarojs/components';
import { formatYuan } from '@kc/domain';
import { pressable } from '../../../components/a11y';
import { KeyValue } from '../../../components/KeyValue';
import { EmptyState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { open, routes } from '../../../services/nav';
import { type MyProjects, awaitsSignature, periodText, statusHint } from '../data';

/**
 * The organisation's projects, newest first: number, name, status, the city funds and the
 * period of each; those waiting for the administrator's signature counted at the top.
 */
export function ProjectList({ data }: { data: MyProjects }) {
  const { items, mayAct } = data;
  const waiting = items.filter(awaitsSignature).length;
  return (
    <View>
      <View className="notice" id="projects-intro">
        申报的重点科技项目经市科技局确定立项后，在这里查看项目任务书：实施期限、项目节点与考核指标、市级资金拨付计划。任务书由单位管理员核对后签订，签订后项目进入实施。
        {waiting > 0
          ? mayAct
            ? `当前有 ${waiting} 个项目待签订任务书。`
            : `当前有 ${waiting} 个项目待单位管理员签订任务书。`
          : ''}
      </View>
      {items.length === 0 ? (
        <EmptyState
          id="projects-empty"
          title="暂无立项项目"
          hint="本单位申报的重点科技项目确定立项后，会在这里显示"
        />
      ) : null}
      {items.map((p) => {
        const hint = statusHint(p, mayAct);
        return (
          <View
            {...pressable('link')}
            key={p.id}
            id={`project-${p.id}`}
            className="card list-card"
            onClick={() => void open(routes.project, { id: p.id })}
          >
            <View className="list-card__head">
              <View className="list-card__title">{p.title}</View>
              <StatusTag status={p.status} label={p.statusName} id={`project-${p.id}-status`} />
            </View>
            <View className="list-card__meta">
              项目编号 {p.number} · {p.programmeName}
            </View>
            <KeyValue label="市级资金" id={`project-${p.id}-funds`}>
              {formatYuan(p.contract.cityFundsFen)}
            </KeyValue>
            <KeyValue label="实施期限" id={`project-${p.id}-period`}>
              {periodText(p.contract)}
            </KeyValue>
            {hint ? (
              <View
                className={p.status === 'contracting' ? 'list-card__alert' : 'list-card__meta'}
                id={`project-${p.id}-hint`}
              >
                {hint}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
