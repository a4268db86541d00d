// The fourth party's name: a pick from the built-in catalogue (the browser's own searchable list
// under the text field) or any name typed. The hint says which it is, so a reviewer sees that
// "AWS" is taken as the catalogued Amazon Web Services, with its regions to tick.
import type { CatalogueParty } from '../../../../shared/upstream/catalogue';
import { Field } from '../../components/Field';

interface Props {
  id: string;
  value: string;
  error: string | undefined;
  catalogue: readonly CatalogueParty[];
  picked: CatalogueParty | null;
  onChange(value: string): void;
}

export function PartyField({ id, value, error, catalogue, picked, onChange }: Props) {
  const listId = `${id}-catalogue`;
  const hint = picked
    ? `From the catalogue: ${picked.name}${picked.regions.length > 0 ? ` — tick its regions below` : ''}.`
    : value.trim() === ''
      ? 'Type to search the catalogue (clouds, CDNs, DNS, e-mail, payment, identity), or type any name.'
      : 'Not in the catalogue: kept as typed, and matched with the same name on other providers.';
  return (
    <Field id={id} label="Fourth party" error={error} hint={hint}>
      {(p) => (
        <>
          <input
            {...p}
            className="input"
            list={listId}
            autoComplete="off"
            value={value}
            maxLength={200}
            onChange={(e) => onChange(e.target.value)}
            data-autofocus
            data-testid="upstream-party"
          />
          <datalist id={listId}>
            {catalogue.map((c) => (
              <option key={c.id} value={c.name} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
