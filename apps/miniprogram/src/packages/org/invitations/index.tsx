import { useRouter } from '@tarojs/taro';
import { InvitationDetailView } from './InvitationDetailView';
import { InvitationList } from './InvitationList';
import './invitations.css';

/** 免申即享: the organisation's invitations, or one of them (`?id=`, as a message links it). */
export default function InvitationsPage() {
  const { params } = useRouter();
  return params.id ? <InvitationDetailView id={params.id} /> : <InvitationList />;
}
