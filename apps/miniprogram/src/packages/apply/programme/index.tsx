import { Button, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { api } from '../../../api/client';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { policyCitation } from '../../../pages/programmes/citation';
import { open, routes } from '../../../services/nav';
import { ConsultationSection } from './ConsultationSection';
import '../apply.css';
import { usePageClass } from '../../../services/text-size';

/** 申兑指南 of one programme: who may apply, conditions, amount, evidence, time limit. */
export default function ProgrammePage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(async () => {
    const list = await api.programmes.open.query();
    const found = list.find((p) => p.id === id);
    if (!found) throw new Error('该奖补事项不存在或当前不受理申请');
    return found;
  });

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const p = loaded.data;
  const g = p.guide;
  return (
    <View className={`${pageClass} page--footer`} id="programme-page">
      <View className="card guide-head">
        <View className="guide-head__clause">
          方案条款 {p.clause} · {p.programme}
        </View>
        <View className="guide-head__name" id="guide-name">
          {p.name}
        </View>
        <View className="guide-head__amount" id="guide-amount">
          {g.amountText}
        </View>
        {p.mayApply === false && p.whyNot ? (
          <View className="notice notice--warning" id="guide-why-not">
            {p.whyNot}
          </View>
        ) : null}
        {p.suggested ? (
          <View className="notice notice--success" id="guide-suggestion">
            {p.suggestion}
          </View>
        ) : null}
      </View>

      <GuideSection title="申报主体" id="guide-who">
        <View>{g.whoMayApply}</View>
      </GuideSection>
      <GuideSection title="申报条件" id="guide-conditions">
        {g.conditions.map((c, i) => (
          <View key={c} className="guide-list__item">
            {i + 1}. {c}
          </View>
        ))}
      </GuideSection>
      <GuideSection title="申报材料" id="guide-evidence">
        {g.evidence.map((e) => (
          <View key={e.kind} className="guide-list__item">
            <View>
              {e.name}
              <View className={e.required ? 'badge badge--required' : 'badge'}>
                {e.required ? '必需' : '选交'}
              </View>
            </View>
            {e.note ? <View className="form-row__hint">{e.note}</View> : null}
          </View>
        ))}
      </GuideSection>
      <GuideSection title="申报时限" id="guide-deadline">
        <View>{g.timeLimit}</View>
      </GuideSection>
      {g.notes?.length ? (
        <GuideSection title="特别说明" id="guide-notes">
          {g.notes.map((n) => (
            <View key={n} className="guide-list__item">
              {n}
            </View>
          ))}
        </GuideSection>
      ) : null}
      <ConsultationSection office={g.consultation.office} phone={g.consultation.phone} />
      <View className="footnote">{policyCitation(p.policy)}</View>

      <View className="footer-bar">
        <Button
          id="guide-apply"
          className="btn btn--primary"
          disabled={p.mayApply === false || undefined}
          onClick={() => void open(routes.applicationForm, { ruleId: p.id })}
        >
          {p.mayApply === false ? '不符合申报主体要求' : p.suggested ? '立即申领' : '开始申报'}
        </Button>
      </View>
    </View>
  );
}

function GuideSection(props: { title: string; id: string; children: ReactNode }) {
  return (
    <View className="card" id={props.id}>
      <View className="card__title">{props.title}</View>
      <View className="guide-list">{props.children}</View>
    </View>
  );
}
