/**
 * WeChat subscribe-message templates (订阅消息模板), as data in one place.
 *
 * The bureau picks each template in the mini-program's admin console (公共模板库) and sets its id
 * in the environment (`envVar`). `fields` maps the template's keywords, in the order the console
 * lists them, to what a stored message (`notification` row) fills them with. WeChat limits a
 * `thing` value to 20 characters and wants `time` as `YYYY-MM-DD HH:mm`.
 */
export type SubscribeTemplateKey = 'progress' | 'reminder';

export type FieldSource = 'title' | 'body' | 'time';

export interface SubscribeTemplate {
  /** The template's title in WeChat's library. */
  name: string;
  envVar: string;
  fields: readonly { key: string; label: string; from: FieldSource }[];
}

export const SUBSCRIBE_TEMPLATES: Record<SubscribeTemplateKey, SubscribeTemplate> = {
  progress: {
    name: '业务办理进度通知',
    envVar: 'WECHAT_TEMPLATE_PROGRESS',
    fields: [
      { key: 'thing1', label: '办理事项', from: 'title' },
      { key: 'thing2', label: '办理结果', from: 'body' },
      { key: 'time3', label: '办理时间', from: 'time' },
    ],
  },
  reminder: {
    name: '事项到期提醒',
    envVar: 'WECHAT_TEMPLATE_REMINDER',
    fields: [
      { key: 'thing1', label: '提醒事项', from: 'title' },
      { key: 'thing2', label: '提醒内容', from: 'body' },
      { key: 'time3', label: '提醒时间', from: 'time' },
    ],
  },
};

/** Which template a message kind goes out with: reminders their own, everything else progress. */
export function templateFor(kind: string): SubscribeTemplateKey {
  return kind.startsWith('reminder.') ? 'reminder' : 'progress';
}

/** The page a tap on the message opens: the message centre, which links on to the record. */
export const SUBSCRIBE_MESSAGE_PAGE = 'pages/messages/index';

const THING_MAX = 20;

function thing(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= THING_MAX ? chars.join('') : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function shanghaiMinute(at: Date): string {
  const s = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

export function templateData(
  template: SubscribeTemplate,
  message: { title: string; body: string; createdAt: Date },
): Record<string, string> {
  return Object.fromEntries(
    template.fields.map((f) => [
      f.key,
      f.from === 'time'
        ? shanghaiMinute(message.createdAt)
        : thing(f.from === 'title' ? message.title : message.body),
    ]),
  );
}
