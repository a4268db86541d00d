import { initial } from './001-initial';
import { lifecycle } from './002-lifecycle';
import { confidential } from './003-confidential';
import { legalEntityAndFeePeriod } from './004-legal-entity-and-fee-period';
import { maintenance } from './005-maintenance';
import { incidents } from './006-incidents';
import { questionnaires } from './007-questionnaires';
import { auditChain } from './008-audit-chain';
import { auditProvenance } from './009-audit-provenance';
import { scoreStamps } from './010-score-stamps';
import { upstreams } from './011-upstreams';
import { listedScores } from './012-listed-scores';
import type { Migration } from './types';
import { answerVersions } from './013-answer-versions';
import { auditDbUser } from './014-audit-db-user';
import { insertionOrder } from './015-insertion-order';
import { memberNames } from './016-member-names';
import { teamKeys } from './017-team-keys';
import { canonicalKeyOrder } from './018-canonical-key-order';

/** Every migration in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [initial, lifecycle, confidential, legalEntityAndFeePeriod, maintenance, incidents, questionnaires, auditChain, auditProvenance, scoreStamps, upstreams, listedScores, answerVersions, auditDbUser, insertionOrder, memberNames, teamKeys, canonicalKeyOrder];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
