import { View } from '@tarojs/components';
import { type TabKey, goTab } from '../services/nav';

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
    <View className="bottom-nav" id="bottom-nav">
      {TABS.map((tab) => (
        <View
          key={tab.key}
          id={`nav-${tab.key}`}
          className={
            tab.key === current ? 'bottom-nav__item bottom-nav__item--active' : 'bottom-nav__item'
          }
          onClick={() => {
            if (tab.key !== current) void goTab(tab.key);
          }}
        >
          <View className="bottom-nav__icon">
            {tab.icon}
            {tab.key === 'messages' && badge > 0 ? (
              <View className="bottom-nav__badge" id="nav-messages-badge">
                {badge > 99 ? '99+' : badge}
              </View>
            ) : null}
          </View>
          <View className="bottom-nav__label">{tab.label}</View>
        </View>
      ))}
    </View>
  );
}
