import type { RouterOutputs } from '../../api/types';

export type Notice = RouterOutputs['notices']['byId'];
export type NoticeItem = Notice['items'][number];
export type Objection = NoticeItem['objections'][number];
