interface Props<T> {
  item: T;
  /** The id of the element that names the record, so a screen reader says which one each button acts on. */
  describedBy: string;
  onEdit(item: T): void;
  onDelete(item: T): void;
}

/** A listed record's Edit and Delete buttons (the caller lays them out). */
export function EditDeleteButtons<T>({ item, describedBy, onEdit, onDelete }: Props<T>) {
  return (
    <>
      <button type="button" className="button button-small" aria-describedby={describedBy} onClick={() => onEdit(item)}>
        Edit
      </button>
      <button type="button" className="button button-small" aria-describedby={describedBy} onClick={() => onDelete(item)}>
        Delete
      </button>
    </>
  );
}
