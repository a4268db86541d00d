// Fourth parties in a register import (issue 21): by id, under the provider they were imported as,
// the newer change winning — as maintenance windows merge.
import { MAX_UPSTREAMS_PER_PROVIDER, type Upstream } from '../../../../shared/domain/upstream';
import { canonicalPartyKey } from '../../../../shared/upstream/register-index';
import { canonicalJson } from '../../../../shared/register/format';
import { byText, order, type ImportState } from './state';

const content = (u: Upstream) => canonicalJson(u);

/**
 * An upstream keeps its provider, source and creation time for life, so the register's upstream
 * that differs in any of them is another record: a conflict, kept. A new one whose party the
 * provider already records under another id, or past the per-provider limit, is a conflict too
 * (the register holds each party once per provider).
 */
export async function importUpstreams(s: ImportState): Promise<void> {
  const { upstreams } = s.ctx;
  for (const file of [...s.data.upstreams].sort((a, b) => byText(a.id, b.id))) {
    const vendorName = s.vendorName(file.vendorId);
    const name = `${vendorName}: ${file.party}`;
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('upstream', file.id, name, `its provider "${vendorName}" was not imported, so neither was the fourth party`);
      continue;
    }
    const mapped: Upstream = { ...file, vendorId };
    const local = await upstreams.get(file.id);
    if (!local) {
      const held = await upstreams.list(vendorId);
      const same = held.find((u) => canonicalPartyKey(u) === canonicalPartyKey(mapped));
      if (same) {
        s.conflict('upstream', file.id, name, `the register records this party for the provider under another id (${same.id}); it was kept`);
      } else if (held.length >= MAX_UPSTREAMS_PER_PROVIDER) {
        s.conflict('upstream', file.id, name, `the provider already records ${MAX_UPSTREAMS_PER_PROVIDER} fourth parties, the most one provider can`);
      } else {
        await upstreams.insert(mapped);
        s.report.upstreams.added += 1;
      }
      continue;
    }
    if (local.vendorId !== vendorId) {
      s.conflict('upstream', file.id, name, 'a fourth party with this id belongs to another provider in the register; it was kept');
      continue;
    }
    if (local.source !== file.source || order(local.createdAt, file.createdAt) !== 'same-time') {
      s.conflict('upstream', file.id, name, "the register's fourth party with this id has another origin or creation time; it was kept");
      continue;
    }
    const when = order(local.updatedAt, file.updatedAt);
    if (when === 'local-newer') {
      s.conflict('upstream', file.id, name, s.newerReason(local.updatedAt, file.updatedAt));
    } else if (when === 'same-time') {
      if (content(local) === content({ ...mapped, createdAt: local.createdAt, updatedAt: local.updatedAt })) s.report.upstreams.unchanged += 1;
      else s.conflict('upstream', file.id, name, "same change time as the register's copy but different content; the register's was kept");
    } else {
      const clash = (await upstreams.list(vendorId)).find((u) => u.id !== file.id && canonicalPartyKey(u) === canonicalPartyKey(mapped));
      if (clash) {
        s.conflict('upstream', file.id, name, `the file renames it to a party the provider records under another id (${clash.id}); the register's was kept`);
        continue;
      }
      await upstreams.update(mapped);
      s.report.upstreams.updated += 1;
    }
  }
}
