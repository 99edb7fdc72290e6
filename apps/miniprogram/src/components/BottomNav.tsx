import { View } from '@tarojs/components';
import { type TabKey, goTab } from '../services/nav';
import { pressable } from './a11y';

const TABS: readonly { key: TabKey; label: string; icon: string }[] = [
  { key: 'programmes', label: '政策', icon: '政' },
  { key: 'applications', label: '申报', icon: '报' },
  { key: 'messages', label: '消息', icon: '信' },
  { key: 'profile', label: '我的', icon: '我' },
];

/**
 * The four main sections, as a bottom bar of our own (one look on WeChat and H5, no icon
 * files in the main package). `badge` is the unread message count.
 */
export function BottomNav({ current, badge = 0 }: { current: TabKey; badge?: number }) {
  return (
    <View className="bottom-nav" id="bottom-nav" role="navigation" aria-label="主导航">
      {TABS.map((tab) => {
        const unread = tab.key === 'messages' && badge > 0;
        return (
          <View
            key={tab.key}
            id={`nav-${tab.key}`}
            {...pressable('link')}
            aria-current={tab.key === current ? 'page' : undefined}
            aria-describedby={unread ? 'nav-messages-unread' : undefined}
            className={
              tab.key === current ? 'bottom-nav__item bottom-nav__item--active' : 'bottom-nav__item'
            }
            onClick={() => {
              if (tab.key !== current) void goTab(tab.key);
            }}
          >
            {/* The icon letter repeats the label: a screen reader hears the label alone. */}
            <View className="bottom-nav__icon" aria-hidden="true">
              {tab.icon}
              {unread ? (
                <View className="bottom-nav__badge" id="nav-messages-badge">
                  {badge > 99 ? '99+' : badge}
                </View>
              ) : null}
            </View>
            <View className="bottom-nav__label">{tab.label}</View>
            {unread ? (
              <View className="sr-only" id="nav-messages-unread" aria-hidden="true">
                {badge} 条未读
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
