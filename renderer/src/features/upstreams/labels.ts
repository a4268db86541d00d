// How the app names the kinds and sources of fourth parties, and what a subprocessor row becomes.
import type { UpstreamKind, UpstreamSource } from '../../../../shared/domain/upstream';
import type { SubprocessorAction } from '../../../../shared/upstream/subprocessor-plan';

export const UPSTREAM_KIND_LABELS: Record<UpstreamKind, string> = {
  hosting: 'Hosting / cloud',
  cdn: 'CDN',
  dns: 'DNS',
  email: 'E-mail',
  payment: 'Payment',
  identity: 'Identity',
  other: 'Other',
};

export const UPSTREAM_SOURCE_LABELS: Record<UpstreamSource, string> = {
  entered: 'Entered here',
  subprocessor_list: 'From its subprocessor list',
  status_components: 'From its status page',
};

export const ROW_ACTION_LABELS: Record<SubprocessorAction, string> = {
  add: 'Add',
  update: 'Update',
  unchanged: 'Unchanged',
  skip: 'Skip',
};
