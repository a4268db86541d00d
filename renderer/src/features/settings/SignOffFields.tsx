import { CheckField } from '../../components/CheckField';

interface Props {
  idPrefix: string;
  separationOfDuties: boolean;
  onChange(value: boolean): void;
}

/** "Sign-off": separation of duties between who submits a review and who approves it. */
export function SignOffFields({ idPrefix, separationOfDuties, onChange }: Props) {
  return (
    <fieldset className="form-section">
      <legend>Sign-off</legend>
      <CheckField
        id={`${idPrefix}-separation-of-duties`}
        label="Separation of duties: the person who submits a review cannot approve it"
        checked={separationOfDuties}
        onChange={onChange}
        hint="People are told apart by the name in “Your name”: an approval by the name that submitted the review is refused (rejecting it stays possible)."
      />
    </fieldset>
  );
}
