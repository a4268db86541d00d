import { useEffect } from 'react';
import { onMenuCommand } from '../api/client';
import { useVetted } from '../store';
import { hrefs, navigate } from './router';

/** Commands from the Electron menu: New provider, Find, Export, Preferences. */
export function useMenuCommands(): void {
  useEffect(
    () =>
      onMenuCommand((command) => {
        const state = useVetted.getState();
        switch (command) {
          case 'new-vendor':
            state.openAddDialog();
            break;
          case 'find':
            navigate(hrefs.register);
            state.requestFind();
            break;
          case 'export':
            state.pushToast('info', 'Export is not available in this version yet.');
            break;
          case 'preferences':
            state.pushToast('info', 'There are no preferences to set yet.');
            break;
        }
      }),
    [],
  );
}
