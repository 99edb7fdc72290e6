import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { KeyValue } from '../../../components/KeyValue';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { useLoader } from '../../../hooks/useLoader';
import { AgreementSection } from './AgreementSection';
import { CounterpartSection } from './CounterpartSection';
import { ResultsSection } from './ResultsSection';
import { WorkLogSection } from './WorkLogSection';
import '../vp.css';
import { usePageClass } from '../../../services/text-size';

/**
 * One secondment, for the firm or the researcher: who with whom, the three-party agreement,
 * the monthly work logs (days on site, what was done), results, and the bureau's evaluations.
 */
export default function SecondmentPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(() =>
    api.vp.secondments.myDetail.query({ secondmentId: id }),
  );

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const s = loaded.data;
  const changed = () => void reload();
  return (
    <View className={pageClass} id="vp-secondment-page" data-side={s.mySide}>
      <View className="card">
        <View className="detail-head__row">
          <View className="detail-head__name">{s.need.title}</View>
          <StatusTag status={s.status} label={s.statusLabel} id="secondment-status" />
        </View>
        <View className="muted">{s.callTitle}</View>
        <View className="person-card" id="secondment-researcher">
          <View className="person-card__avatar">{s.researcher.name.slice(0, 1)}</View>
          <View>
            <View className="person-card__name">
              {s.researcher.name} · {s.researcher.titleName}
            </View>
            <View className="person-card__meta">{s.researcher.institutionName}</View>
          </View>
        </View>
        <KeyValue label="服务企业" id="secondment-firm">
          {s.need.organisationName}（{s.areaName}）
        </KeyValue>
        <KeyValue label="研究专长">{s.researcher.expertise}</KeyValue>
        <KeyValue label="任职期限" id="secondment-term">
          {s.startDate && s.endDate
            ? `${s.startDate} 至 ${s.endDate}`
            : '签订三方协议、公示期满后开始'}
        </KeyValue>
      </View>

      <CounterpartSection secondment={s} />
      <AgreementSection secondment={s} onChanged={changed} />
      <WorkLogSection secondment={s} onChanged={changed} />
      <ResultsSection secondment={s} onChanged={changed} />

      <View className="card" id="secondment-evaluations">
        <View className="card__title">年度考核</View>
        {s.evaluations.length === 0 ? <View className="muted">尚未考核</View> : null}
        {s.evaluations.map((e) => (
          <View key={e.id} className="log-item">
            <View className="log-item__head">
              <View>{e.year} 年度</View>
              <View>{e.gradeName}</View>
            </View>
            {e.comment ? <View className="log-item__body">{e.comment}</View> : null}
          </View>
        ))}
      </View>
    </View>
  );
}
