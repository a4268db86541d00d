// `vetted …`: a thin command-line transport over the same API the app uses.
import { enterUserFolder, parse } from './args';
import { versionLine } from './build-info';
import { busyExitFor } from './busy';
import { CliError, EXIT, usageError } from './cli-error';
import { VettedError } from '../../shared/result';
import { registerUse } from './command-access';

const HELP = `vetted — vendor risk reviews of infrastructure providers

Usage:
  vetted demo [--db FILE]                         fill an empty register with demo providers
  vetted list [--db FILE] [--json]                providers with score, tier, completion, status and
                                                  standing (latest decision, review overdue, reassessment open)
  vetted vendor add NAME [--legal-name "Acme Cloud GmbH"] [--category C] [--service S] [--owner O]
                 [--status proposed|active|retired] [--website URL] [--critical-path] [--impact low|medium|high]
                 [--data personal-data,credentials-secrets,…] [--locations A,B] [--tenancy T]
                 [--cost N --currency EUR] [--cost-period month|year] [--build-days N] [--template ID]
                 [--status-page URL] [--trust-page URL] [--dpa URL] [--subprocessors URL] [--privacy-policy URL]
                 [--notes T]                      the fee is N in the currency (an ISO 4217 code: EUR, USD, GBP;
                                                  --cost needs it, there is no default) per month (the default)
                                                  or year; --build-days: engineer-days a year to build and run it
                                                  yourself (the buy-vs-build line); --template starts its first
                                                  review on that template
  vetted vendor set VENDOR [--name N] [--legal-name L] [--cost N [--currency C] [--cost-period month|year]]
                 [--build-days N] [--status S] [--service S] [--locations A,B] [--data D,D] [--website URL]
                 [--dpa URL] [--critical-path | --no-critical-path] … (every vendor add flag but --template)
                                                  change only the fields named, as the app's profile does
                                                  (audited); --cost keeps the fee's currency when the profile
                                                  already records a fee, else needs --currency; "none" clears
                                                  --cost or --build-days, "" a text, a link or a list
  vetted answer VENDOR QUESTION VALUE [--comment TEXT] [--confidential] [--na]
                                                  the first answer starts the review: on the category's
                                                  default template in settings, else the built-in one
  vetted score VENDOR [--json]                    score, tier and why points were lost
  vetted review migrate VENDOR [--to-version N]   move the open review to a newer template version (the
                                                  newest unless given); lists answers that did not carry over
  vetted review submit|approve|reopen VENDOR [--by NAME] [--note TEXT]
  vetted review approve-with-conditions|reject VENDOR --note TEXT [--by NAME]
                                                  move the current review: draft → in review → a decision
                                                  (reopen: back to draft); --by defaults to the user name
                                                  in settings; a decision freezes answers and score
  vetted review approve|approve-with-conditions VENDOR … --keep-status
                                                  approving makes a proposed provider active (the audit trail
                                                  names the signer as who did it); --keep-status leaves it proposed
  vetted review new VENDOR [--template ID]        start the provider's next review: after a decision from the
                                                  last answers (same template); --template ID on that template
                                                  (the newest version; a review still open on another template
                                                  is a conflict); else the category's default, else built-in
  vetted send VENDOR --out FILE.html [--contact "Name <email>"] [--due YYYY-MM-DD] [--prefill]
                                                  the questionnaire as one HTML page for the provider to fill in
                                                  offline (no network, nothing to install); --prefill sends the
                                                  answers held, marked as such (never a reviewer's comment)
  vetted receive FILE.json [--dry-run] [--accept all|none|ID,ID…] [--provider VENDOR]
                 [--move-to-current] [--expect-sha256 HEX] [--verbose]
                                                  the provider's answers file against the open review: new,
                                                  changed, unchanged, left empty, rejected; takes only what
                                                  --accept names (none by default), as answered by the provider;
                                                  --provider for a VSAQ answers file; --move-to-current for a
                                                  file on an older template version; --expect-sha256 the digest
                                                  the provider quoted (another one refuses the file); exit 2
                                                  when nothing was or could be taken
  vetted requests [VENDOR] [--json]               the questionnaires sent: when, by whom, to whom, due, received
  vetted history VENDOR [--audit] [--limit N] [--json]
                                                  every review with its steps and frozen score; --audit adds
                                                  the audit trail (who changed what, old → new; 50 rows)
  vetted findings [VENDOR] [--open] [--overdue] [--json]
                                                  findings with severity, status, owner and due date
  vetted finding add VENDOR --title T --severity low|medium|high|critical [--owner O]
                 [--due YYYY-MM-DD] [--description D]
  vetted finding accept FINDING_ID --justification TEXT --expires YYYY-MM-DD [--by NAME]
                                                  accept a finding as a risk until a date (IDs: the first
                                                  characters shown by \`vetted findings\` are enough)
  vetted due [--within DAYS] [--json]             when each provider's next review is due, soonest first
  vetted evidence add VENDOR FILE --kind soc2|iso27001|pentest|dpa|sla|insurance|other
                 [--title T] [--issued YYYY-MM-DD] [--expires YYYY-MM-DD] [--notes T]
                                                  store a document (at most 20 MB) in the register
  vetted evidence list [VENDOR] [--json]          stored documents with dates, state and SHA-256
  vetted evidence save ID OUT                     write a stored document to OUT (a file or a folder),
                                                  after checking its SHA-256
  vetted audit export [VENDOR] [--out FILE.csv]   the audit trail as CSV (to stdout without --out)
  vetted audit verify [--json]                    recompute the audit trail's hash chain: entries checked and
                                                  the chain head; exit 65 naming the first broken entry
  vetted window add VENDOR --every "sun 02:00" --duration MINUTES --tz ZONE [--title T]
                 [--impact none|degraded|outage] [--from D] [--until D | --count N] [--except D,D] [--notes T]
                                                  a standing maintenance window, in the provider's time zone:
                                                  --every "mon,wed 22:30", "mon-fri 08:00", "2 weeks sun 02:00";
                                                  or --monthly "last sun 02:00", "first tue 22:00"; from
                                                  today (in --tz) unless --from; outage unless --impact
  vetted window add VENDOR --at 2026-12-06T02:00 --duration MINUTES --tz ZONE [--announced 2026-12-01T09:00Z]
                                                  a one-off scheduled maintenance (a time without Z or an
                                                  offset is local to --tz); --announced measures its notice
  vetted window import VENDOR FILE.ics|scheduled-maintenances.json [--dry-run]
                                                  the provider's iCalendar or Statuspage file, all or nothing:
                                                  a known event is replaced only by a newer version
  vetted window list [VENDOR] [--json]            windows with schedule in words, impact, source, status
  vetted window remove ID
  vetted upstream add VENDOR --party "Amazon Web Services" --kind hosting|cdn|dns|email|payment|identity|other
                 [--regions us-east-1,eu-west-1] [--uses "EU customers' data"] [--catalogue ID]
                 [--purpose T] [--location T] [--note T]
                                                  a fourth party the provider runs on, with the regions it
                                                  uses (--uses: which of your uses depend on them); a name the
                                                  built-in catalogue knows (AWS, an alias) is stored as its party
  vetted upstream list [VENDOR] [--json]          fourth parties with kind, regions, purpose, location, source
  vetted upstream remove ID
  vetted upstream import VENDOR FILE.csv|FILE.json [--map name=Subprocessor,purpose=Purpose,location=Country]
                 [--dry-run]                      the provider's published subprocessor list (a file you saved):
                                                  columns guessed from the headers unless --map names them
                                                  ("none": no such column); a party already recorded gets the
                                                  list's purpose and location; --dry-run prints the preview
  vetted upstream from-status VENDOR [--dry-run]  the catalogued parties (and their region codes) its status page
                                                  components on record name ("AWS us-east-1"); one per party,
                                                  regions merged; components naming none are listed, not guessed
  vetted blackout add NAME --from YYYY-MM-DD --to YYYY-MM-DD [--tz ZONE] [--notes T]
                                                  a period of whole days (--to included; UTC unless --tz)
                                                  when no provider should be in maintenance
  vetted blackout add NAME --every "mon-fri 08:00" --duration MINUTES --tz ZONE [--notes T]
                                                  recurring (also --monthly, --at, and the window bounds)
  vetted blackout list [--json] | vetted blackout remove ID
  vetted overlaps [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--critical-only] [--json]
                                                  providers in maintenance at once (critical path first),
                                                  windows in blackout periods and short notice, in UTC;
                                                  whole UTC days, today to a year ahead unless given
  vetted concentration [--critical-only] [--json]  exposure to each fourth party and region: providers,
                                                  critical-path providers, share of the critical path;
                                                  above the Settings threshold marked
  vetted concentration --out FILE.pdf [--date YYYY-MM-DD]
                                                  the register-wide concentration report as of a date
  vetted blast-radius PARTY [--region CODE] [--json]
                                                  every provider an outage hits, critical path first:
                                                  survives, goes down or cannot be told, and why
  vetted calendar --out FILE.ics [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--critical-only]
                                                  every occurrence in the range as an iCalendar file
                                                  (today to a year ahead unless given)
  vetted status import VENDOR FILE [--dry-run]    a status page file saved from the provider's page: Statuspage
                                                  JSON (incidents, summary, scheduled maintenances), an Atom or
                                                  RSS history feed, Instatus summary.json; all or nothing: a
                                                  known incident is replaced only by a later update (fields
                                                  edited here kept), one deleted here stays deleted
  vetted status refresh VENDOR [--dry-run]        the only command that goes online: reads the status page
                                                  address in the provider's profile and imports it as above
  vetted status components VENDOR [--use "API,Database"]
                                                  the status page components you use (availability is
                                                  estimated for those; --use "" clears: every one counts)
  vetted incidents VENDOR [--since YYYY-MM-DD] [--json]
                                                  the incident log, newest first: impact, start, first public
                                                  update, resolved or open, source, not on the status page
  vetted incident add VENDOR --title T --impact none|minor|major|critical --started 2026-12-06T02:00:00Z
                 [--first-update ISO] [--resolved ISO] [--components A,B] [--not-on-status-page]
                 [--link URL] [--notes T]         an incident typed in (times with Z or an offset);
                                                  --not-on-status-page: the status page never showed it
  vetted incident remove ID
  vetted transparency VENDOR [--since YYYY-MM-DD] [--date YYYY-MM-DD] [--json]
                                                  incident transparency measured from the record (twelve
                                                  months to --date, today unless given) and the review's
                                                  answers held against it, contradicted first (today: the
                                                  latest review; a past --date: the one decided by then)
  vetted report VENDOR --out FILE.pdf [--date YYYY-MM-DD] [--draft] [--include-confidential]
                                                  the review report as of a date (today by default): the
                                                  latest review decided by then; --draft: the review in
                                                  progress, marked DRAFT on every page
  vetted subprocessors --out FILE.pdf [--date YYYY-MM-DD] [--include-proposed] [--tiers]
                                                  the privacy-statement annex as of a date; names every
                                                  provider it leaves out and why
  vetted compare VENDOR VENDOR [...] --out FILE.pdf|FILE.csv [--differences-only] [--date YYYY-MM-DD] [--draft]
                                                  2–6 providers side by side (their decided reviews as of
                                                  the date; --draft: the reviews in progress)
  vetted serve [--db FILE] [--port N] [--open] [--demo]  browser mode on 127.0.0.1 (--demo: load the demo into an empty register)
  vetted template import FILE [--id ID] [--extension FILE …] [--version N]
                                                  add a questionnaire template: a Vetted template file or a VSAQ
                                                  questionnaire (detected; a VSAQ id defaults to vsaq-<file name>);
                                                  an edited one becomes the next version (or N, above the latest)
                                                  and the changes are listed; move open reviews with review migrate
  vetted template list [--json]                   the templates in the register, every version
  vetted template export ID [--version N] --out FILE.json
                                                  a template as a Vetted template file (docs/template.schema.json)
  vetted export --out FILE.json                   the whole register in the exchange format (docs/formats.md)
  vetted import FILE.json [--dry-run]             merge an export in; newer data in the register is kept
                                                  (listed as conflicts); --dry-run writes nothing
  vetted export-csv --out FILE.csv                one row per provider, for spreadsheets
  vetted settings [--json]                        the register's settings (organisation, report language, …)
  vetted settings set KEY VALUE                   change one, e.g. report-language zh-Hant (en, de, zh-Hans, ja, ko,
                                                  …; "system": this computer's language): the PDFs' language and
                                                  how Han characters are drawn (Chinese, Japanese, Korean faces);
                                                  day-rate "640 EUR": what an engineer-day costs, an amount and an
                                                  ISO 4217 currency code ("none" clears it)
  vetted backup --out FILE.db                     a consistent copy of the register file (safe while the app runs)
  vetted migrate-register --from A --to B [--json]
                                                  move a whole register between a file and a team register on
                                                  PostgreSQL (postgres://USER@HOST/DB; the password from
                                                  $PGPASSWORD or ~/.pgpass), either way, into an empty one: every
                                                  table copied in one transaction, then checked by row counts and
                                                  digests, and the audit trail re-chained hash for hash
                                                  (docs/team.md)
  vetted team setup|add LOGIN --role R|remove LOGIN|list --server postgres://…
                                                  the people of a team register: roles readonly, reviewer,
                                                  approver, enforced by PostgreSQL (docs/team.md); remove
                                                  also renews the data key for those who remain
  vetted team key share|renew|list --server postgres://…
                                                  the team data key: share publishes your member key and
                                                  wraps the key you hold for members who lack it; renew
                                                  makes a new one (owner); list shows who holds it
  vetted restore FILE.db [--force]                replace the register with a backup; refused while the app or
                                                  vetted serve has it open (close it first); --force only after
                                                  the app is closed (a lock it left, e.g. from another machine);
                                                  the replaced register is kept as NAME.before-restore-TIME.db

The register is --db FILE, else $VETTED_DB, else the app's data folder (~/.config/Vetted/vetted.db on Linux).
The key of confidential comments and evidence is $VETTED_KEY_FILE, else one derived from $VETTED_PASSPHRASE,
else a key file made on first use in a key folder apart from the register's (~/.local/share/Vetted/keys/<register id>.key
on Linux, mode 0600; one made by an older Vetted in the data folder's keys/ is moved there), never in the register.
Files Vetted creates are mode 0600, its folders 0700.
Relative paths (--db, --out, input files) are relative to the folder the command was typed in, also through
\`npm run vetted -- …\` (INIT_CWD). A command that only reads, or changes existing records, is refused on a
--db file that does not exist (nothing is created); demo, vendor add, import, template import, blackout add and
serve create it.
\`vetted --version\` says which build runs: the bundle (dist/cli/vetted.mjs, built by npm install, npm start and
npm test) while it is current, else the TypeScript sources through tsx (after an edit, until the next build).
Exit codes: 0 ok, 1 usage, 2 bad input (the message names the field), 70 a bug, 75 busy: another Vetted held
the register for longer than the wait (about 30 s; $VETTED_BUSY_WAIT_MS shortens it); that step changed nothing, run it again.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === '--version' || command === 'version') {
    process.stdout.write(versionLine());
    return EXIT.ok;
  }
  // Each command's module, and the register's services behind the session, is loaded when that
  // command runs, not at every start: `vetted list` never evaluates the PDF, import or serve code,
  // and `vetted --version` none of it (the bundle holds each in a chunk loaded on demand).
  const { openSession, setRegisterUse } = await import('./session');
  setRegisterUse(registerUse(command, rest));
  switch (command) {
    case 'demo': {
      const { values } = parse(rest, {});
      const { demoCommand } = await import('./commands/demo');
      await demoCommand(await openSession(values.db));
      return EXIT.ok;
    }
    case 'list': {
      const { values } = parse(rest, { json: { type: 'boolean' } });
      const { listCommand } = await import('./commands/list');
      await listCommand(await openSession(values.db), values.json ?? false);
      return EXIT.ok;
    }
    case 'vendor':
      await (await import('./commands/vendor')).vendorCommand(rest);
      return EXIT.ok;
    case 'answer': {
      const { values, positionals } = parse(rest, { comment: { type: 'string' }, na: { type: 'boolean' }, confidential: { type: 'boolean' } });
      const { answerCommand } = await import('./commands/answer');
      await answerCommand(await openSession(values.db), positionals, values);
      return EXIT.ok;
    }
    case 'score': {
      const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
      if (!positionals[0]) throw usageError('usage: vetted score VENDOR [--json]');
      const { scoreCommand } = await import('./commands/score');
      await scoreCommand(await openSession(values.db), positionals[0], values.json ?? false);
      return EXIT.ok;
    }
    case 'review':
      await (await import('./commands/review-workflow')).reviewCommand(rest);
      return EXIT.ok;
    case 'send':
      await (await import('./commands/questionnaire')).sendCommand(rest);
      return EXIT.ok;
    case 'receive':
      return (await import('./commands/questionnaire')).receiveCommand(rest);
    case 'requests':
      await (await import('./commands/questionnaire')).requestsCommand(rest);
      return EXIT.ok;
    case 'history':
      await (await import('./commands/history')).historyCommand(rest);
      return EXIT.ok;
    case 'findings':
      await (await import('./commands/findings')).findingsCommand(rest);
      return EXIT.ok;
    case 'finding':
      await (await import('./commands/findings')).findingCommand(rest);
      return EXIT.ok;
    case 'due':
      await (await import('./commands/due')).dueCommand(rest);
      return EXIT.ok;
    case 'evidence':
      await (await import('./commands/evidence')).evidenceCommand(rest);
      return EXIT.ok;
    case 'audit':
      return (await import('./commands/audit')).auditCommand(rest);
    case 'window':
      await (await import('./commands/window')).windowCommand(rest);
      return EXIT.ok;
    case 'upstream':
      await (await import('./commands/upstream')).upstreamCommand(rest);
      return EXIT.ok;
    case 'blackout':
      await (await import('./commands/blackout')).blackoutCommand(rest);
      return EXIT.ok;
    case 'overlaps':
      await (await import('./commands/overlaps')).overlapsCommand(rest);
      return EXIT.ok;
    case 'concentration':
      await (await import('./commands/concentration')).concentrationCommand(rest);
      return EXIT.ok;
    case 'blast-radius':
      await (await import('./commands/concentration')).blastRadiusCommand(rest);
      return EXIT.ok;
    case 'calendar':
      await (await import('./commands/calendar')).calendarCommand(rest);
      return EXIT.ok;
    case 'status':
      await (await import('./commands/status')).statusCommand(rest);
      return EXIT.ok;
    case 'incidents':
      await (await import('./commands/incidents')).incidentsCommand(rest);
      return EXIT.ok;
    case 'incident':
      await (await import('./commands/incident')).incidentCommand(rest);
      return EXIT.ok;
    case 'transparency':
      await (await import('./commands/transparency')).transparencyCommand(rest);
      return EXIT.ok;
    case 'settings':
      await (await import('./commands/settings')).settingsCommand(rest);
      return EXIT.ok;
    case 'report': {
      const { values, positionals } = parse(rest, {
        out: { type: 'string' }, date: { type: 'string' }, 'include-confidential': { type: 'boolean' }, draft: { type: 'boolean' },
      });
      const { REPORT_USAGE, reportCommand } = await import('./commands/report');
      if (!positionals[0] || !values.out) throw usageError(REPORT_USAGE);
      await reportCommand(await openSession(values.db), positionals[0], values);
      return EXIT.ok;
    }
    case 'subprocessors': {
      const { values } = parse(rest, {
        out: { type: 'string' }, date: { type: 'string' }, 'include-proposed': { type: 'boolean' }, tiers: { type: 'boolean' },
      });
      const { SUBPROCESSORS_USAGE, subprocessorsCommand } = await import('./commands/report');
      if (!values.out) throw usageError(SUBPROCESSORS_USAGE);
      await subprocessorsCommand(await openSession(values.db), values);
      return EXIT.ok;
    }
    case 'compare': {
      const { values, positionals } = parse(rest, {
        out: { type: 'string' }, date: { type: 'string' }, 'differences-only': { type: 'boolean' }, draft: { type: 'boolean' },
      });
      if (positionals.length < 2 || !values.out) throw usageError('usage: vetted compare VENDOR VENDOR [...] --out FILE.pdf|FILE.csv [--differences-only] [--date YYYY-MM-DD] [--draft]');
      const { compareCommand } = await import('./commands/compare');
      await compareCommand(await openSession(values.db), positionals, values);
      return EXIT.ok;
    }
    case 'export': {
      const { values } = parse(rest, { out: { type: 'string' } });
      await (await import('./commands/register')).exportCommand(values);
      return EXIT.ok;
    }
    case 'import': {
      const { values, positionals } = parse(rest, { 'dry-run': { type: 'boolean' } });
      if (positionals.length !== 1) throw usageError('usage: vetted import FILE.json [--dry-run] [--db FILE]');
      await (await import('./commands/register')).importCommand(positionals[0], values);
      return EXIT.ok;
    }
    case 'export-csv': {
      const { values } = parse(rest, { out: { type: 'string' } });
      await (await import('./commands/register')).exportCsvCommand(values);
      return EXIT.ok;
    }
    case 'backup': {
      const { values } = parse(rest, { out: { type: 'string' } });
      await (await import('./commands/backup')).backupCommand(values);
      return EXIT.ok;
    }
    case 'migrate-register': {
      const { values } = parse(rest, { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } });
      if (!values.from || !values.to) throw usageError('usage: vetted migrate-register --from FILE.db|postgres://… --to postgres://…|FILE.db [--json]');
      await (await import('./commands/migrate-register')).migrateRegisterCommand({ from: values.from, to: values.to, json: values.json ?? false });
      return EXIT.ok;
    }
    case 'team': {
      const [sub, ...args] = rest;
      const { values, positionals } = parse(args, { server: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' }, 'replace-member-key': { type: 'boolean' } });
      await (await import('./commands/team')).teamCommand(sub, positionals, { ...values, replaceMemberKey: values['replace-member-key'] });
      return EXIT.ok;
    }
    case 'restore': {
      const { values, positionals } = parse(rest, { force: { type: 'boolean' } });
      if (positionals.length !== 1) throw usageError('usage: vetted restore FILE.db [--force] [--db FILE]');
      (await import('./commands/backup')).restoreCommand(positionals[0], values);
      return EXIT.ok;
    }
    case 'template': {
      const [sub, ...args] = rest;
      if (sub === 'import') {
        const { values, positionals } = parse(args, { id: { type: 'string' }, extension: { type: 'string', multiple: true }, version: { type: 'string' } });
        const { TEMPLATE_IMPORT_USAGE, templateImportCommand } = await import('./commands/template');
        if (positionals.length !== 1) throw usageError(TEMPLATE_IMPORT_USAGE);
        await templateImportCommand(async () => await openSession(values.db), positionals[0], values);
      } else if (sub === 'list') {
        const { values } = parse(args, { json: { type: 'boolean' } });
        const { templateListCommand } = await import('./commands/template');
        await templateListCommand(await openSession(values.db), values.json ?? false);
      } else if (sub === 'export') {
        const { values, positionals } = parse(args, { version: { type: 'string' }, out: { type: 'string' } });
        const { templateExportCommand } = await import('./commands/template');
        await templateExportCommand(async () => await openSession(values.db), positionals[0], values);
      } else {
        throw usageError('usage: vetted template import|list|export … (see: vetted --help)');
      }
      return EXIT.ok;
    }
    case 'serve': {
      const { values } = parse(rest, { port: { type: 'string' }, open: { type: 'boolean' }, demo: { type: 'boolean' } });
      await (await import('./commands/serve')).serveCommand(values);
      return EXIT.ok;
    }
    default:
      throw usageError(`unknown command "${command}" (see: vetted --help)`);
  }
}

async function run(): Promise<void> {
  // Everything this process creates (register, backups, exports, reports, folders) is the user's
  // alone, whatever the shell's umask; the places that create them also set the mode explicitly.
  process.umask(0o077);
  // `vetted audit export | head`: the reader closed the pipe; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    enterUserFolder();
    process.exitCode = await main(process.argv.slice(2));
  } catch (caught) {
    // Busy thrown past the API (a command working on the register directly, like backup) exits 75 too.
    const error = busyExitFor(caught) ?? caught;
    if (error instanceof CliError) {
      process.stderr.write(`vetted: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else if (error instanceof VettedError && error.code === 'validation') {
      // A refused value met before any command ran (a --db that is not a file).
      process.stderr.write(`vetted: ${error.message}\n`);
      process.exitCode = EXIT.input;
    } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`vetted: ${(error as Error).message} (see: vetted --help)\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`vetted: unexpected error: ${(error as Error).message}\n`);
      process.exitCode = EXIT.internal;
    }
  }
}

await run();
