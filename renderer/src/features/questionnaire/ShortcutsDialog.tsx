import type { FormEvent } from 'react';
import { ModalDialog } from '../workflow/ModalDialog';
import { SHORTCUT_GROUPS } from './shortcuts';

/** The ? overlay: every questionnaire shortcut. A modal dialog: Escape or Close shut it. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const close = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onClose();
  };
  return (
    <ModalDialog
      open={open}
      title="Keyboard shortcuts"
      lead="The letters and numbers work whenever the focus is not in a text box."
      onClose={onClose}
      onSubmit={close}
      wide
    >
      {SHORTCUT_GROUPS.map((group) => (
        <table key={group.title} className="shortcut-table">
          <caption>{group.title}</caption>
          <tbody>
            {group.shortcuts.map((shortcut) => (
              <tr key={shortcut.action}>
                <th scope="row">
                  {shortcut.keys.map((key) => (
                    <kbd key={key} className="kbd shortcut-key">
                      {key}
                    </kbd>
                  ))}
                </th>
                <td>{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <div className="dialog-actions">
        <button type="submit" className="button" data-autofocus>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
