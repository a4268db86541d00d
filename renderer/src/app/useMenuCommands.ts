import { useEffect } from 'react';
import { onMenuCommand } from '../api/client';
import { useVetted } from '../store';
import { currentRoute, hrefs, navigate } from './router';

/**
 * Export… from the menu: the open provider's review report or the subprocessor list on the
 * register (their dialogs open, with the same options as the buttons), or the comparison on
 * screen as a PDF.
 */
function exportFromMenu(): void {
  const state = useVetted.getState();
  const route = currentRoute();
  if (route.page === 'compare') {
    if (state.compareStatus !== 'ready' || !state.comparison) {
      state.pushToast('info', 'The comparison is not shown yet: try Export again once it is.');
    } else {
      void state.exportComparison(state.compareIds, 'pdf', { differencesOnly: route.differencesOnly, text: route.text });
    }
    return;
  }
  if (route.page === 'provider') {
    const { vendor, vendorId, providerStatus, review } = state;
    if (vendorId !== route.id || providerStatus !== 'ready' || !vendor) {
      state.pushToast('info', 'The provider is still loading: try Export again in a moment.');
    } else if (!review) {
      state.pushToast('info', `${vendor.name} has no review yet: answer a question to start one, then export its report.`);
    } else {
      state.openExportDialog('report');
    }
    return;
  }
  if (route.page === 'register') {
    if (state.registerLoaded && state.vendors.length === 0) {
      state.pushToast('info', 'The register is empty: add a provider before exporting the subprocessor list.');
    } else {
      state.openExportDialog('subprocessors');
    }
    return;
  }
  state.pushToast('info', 'Open a provider to export its review report, the register to export the subprocessor list, or a comparison.');
}

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
            exportFromMenu();
            break;
          case 'preferences':
            navigate(hrefs.settings);
            break;
        }
      }),
    [],
  );
}
