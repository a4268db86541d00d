// How the app names the kinds and sources of fourth parties, and what a subprocessor row becomes.
import { UPSTREAM_KIND_LABELS as SHARED_KIND_LABELS } from '../../../../shared/domain/labels';
import type { UpstreamKind, UpstreamSource } from '../../../../shared/domain/upstream';
import type { SubprocessorAction } from '../../../../shared/upstream/subprocessor-plan';

/** The shared names, with hosting said as people pick it in a form ("Hosting / cloud"). */
export const UPSTREAM_KIND_LABELS: Record<UpstreamKind, string> = { ...SHARED_KIND_LABELS, hosting: 'Hosting / cloud' };

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
