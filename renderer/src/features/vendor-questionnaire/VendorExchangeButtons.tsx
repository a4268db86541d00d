// The questionnaire toolbar's way out to the provider and back: "Send questionnaire…" and
// "Receive answers…", each opening its dialog.
import { useState } from 'react';
import { useVetted } from '../../store';
import { ReceiveAnswersDialog } from './ReceiveAnswersDialog';
import { SendQuestionnaireDialog } from './SendQuestionnaireDialog';

export function VendorExchangeButtons() {
  const vendor = useVetted((s) => s.vendor);
  const [open, setOpen] = useState<'send' | 'receive' | null>(null);
  if (!vendor) return null;
  return (
    <div className="q-exchange">
      <button type="button" className="button" onClick={() => setOpen('send')}>
        Send questionnaire…
      </button>
      <button type="button" className="button" onClick={() => setOpen('receive')}>
        Receive answers…
      </button>
      <SendQuestionnaireDialog open={open === 'send'} onClose={() => setOpen(null)} />
      <ReceiveAnswersDialog open={open === 'receive'} onClose={() => setOpen(null)} />
    </div>
  );
}
