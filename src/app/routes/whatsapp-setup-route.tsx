import { useParams } from 'react-router';
import { WhatsAppSetupPage } from '@/features/workstreams/components/whatsapp-setup/whatsapp-setup-page';

export function Component() {
  const { workstreamId = '' } = useParams();
  return <WhatsAppSetupPage workstreamId={workstreamId} />;
}
