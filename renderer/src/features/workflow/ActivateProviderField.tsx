import { CheckField } from '../../components/CheckField';

interface Props {
  id: string;
  vendorName: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** When approving a proposed provider: whether the approval also puts it into use (status Active). */
export function ActivateProviderField({ id, vendorName, checked, onChange }: Props) {
  return (
    <CheckField
      id={id}
      label={`Mark ${vendorName} as active (in use)`}
      checked={checked}
      onChange={onChange}
      hint={
        checked
          ? 'Its status changes from Proposed to Active with the approval; the audit trail records the change.'
          : 'It stays Proposed: change its status on the Profile tab once it is in use.'
      }
    />
  );
}
