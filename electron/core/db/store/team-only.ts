// What a team register (PostgreSQL, issue 22) does not do yet, said as a typed error instead of a
// crash or a silent difference: the operations that rely on the file's own connection.
import { VettedError } from '../../../../shared/result';

export function notOnTeamRegister(what: string): VettedError {
  return new VettedError('unavailable', `Not available on a team register yet: ${what} works on a register file (docs/team.md, "Not yet").`);
}
