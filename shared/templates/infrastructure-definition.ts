// The built-in questionnaire for infrastructure providers: hosted databases, message queues,
// log services, alerting services, status page hosts — anything you build on but do not run.
//
// Section weights: what breaks you hardest when it goes wrong weighs most.
// - Security 3: a leak or tampering through a provider is the costliest failure and the hardest to undo.
// - Access granularity 3 (since v3): who can reach your data is decided here, and a shared or
//   unprotected login undoes every other control.
// - Maintenance, Incident transparency, Tenancy and availability 2: these decide, day to day,
//   whether you are down, surprised or left guessing when they change things.
// - Scaling, Operational insight, Dependency and exit, Data and privacy 1: they matter, but either
//   you can work around them (limits, metrics, exit) or inherent risk already counts them (personal
//   data is part of the provider's risk profile; the DPA knock-out catches the worst case).
// - Cost 0.25 (0.5 before v3): price is a business decision more than a risk; only predictability is
//   scored, and an uncapped bill must never cost more points than a missing basic control. The fee
//   and the build-it-yourself effort are kept in the provider profile, not asked here.
//
// Must-haves (scoring model 2, docs/scoring.md section 8): the basic controls are `mustHave` (no
// tier while they are open) and their failing answers are knock-outs; the table there says why
// each floor is what it is. `implies` ties answers to profile facts (critical path, personal data,
// data location) so the two are checked against each other. N/A is allowed (`allowNa`) only where
// "does not apply" is a real situation the options do not already cover.
//
// Scores: "good" = 1. A multi answer scores min(1, sum of the chosen options), so two strong
// options reach 1 and one alone does not; attestations (sec_certifications) take the strongest
// report instead (`combine: 'max'`). Bands are min inclusive, max exclusive.
// After editing, run `npm run docs:questionnaire` to regenerate docs/questionnaire.md.
//
// The definition as written, not parsed here: parsing it takes a CLI start tens of milliseconds, and
// most runs need only its id and version (built-in.ts parses it on first use).
//
// Versions: a stored version never changes (reviews pin it), so any edit here ships as the next
// version. v1 also asked the fee (cost_monthly_fee, fixed to EUR a month) and the build-and-run
// effort (cost_build_run_days), which the profile held as well, with its own currency; v2 left them
// to the profile (profile-held.ts says how reviews still on v1 show them). v3 is written
// for scoring model 2: must-haves and their knock-outs, heavier access weight, lighter cost weight,
// attestations by the strongest report, exclusive "None" options, N/A only where allowed, and
// options that imply profile facts. v4 (this one) only adds plausible ranges to the number
// questions (an uptime SLA is 90–100 %, notice is not negative): an answer outside is kept but
// warned about. Scores are those of v3. Question and option ids are those of v2, so
// `review migrate` carries every answer across.
import type { TemplateInput } from '../domain/template';

export const INFRASTRUCTURE_DEFINITION = {
  id: 'infrastructure-provider',
  version: 4,
  name: 'Infrastructure provider review',
  description:
    'For providers you build on but do not run yourself: hosted databases, message queues, log services, alerting services, status page hosts. ' +
    'Answer for the plan and setup you actually use, not for the provider\'s best offering.',
  sections: [
    // ─────────────────────────────────────────────────────────────────────── Security
    {
      id: 'security',
      title: 'Security',
      description: 'How the provider protects the data and credentials you hand over, and how honest it is when that fails.',
      weight: 3,
      questions: [
        {
          id: 'sec_encryption_at_rest',
          kind: 'yesno',
          mustHave: true,
          weight: 3,
          text: 'Is your data encrypted at rest, including backups and replicas?',
          help: 'Disks, snapshots and backups get copied, retired and mislaid. Encryption at rest means a lost disk or a leaked snapshot does not expose your data.',
          options: [
            { id: 'yes', label: 'Yes: data, backups and replicas', score: 1 },
            { id: 'partial', label: 'Partly: primary data only, or only on some plans', score: 0.5, why: 'Some copies of your data (often backups) are stored unencrypted.' },
            { id: 'no', label: 'No', score: 0, knockout: 'high', why: 'Anyone who gets hold of a disk or a backup can read your data.' },
          ],
        },
        {
          id: 'sec_encryption_in_transit',
          kind: 'yesno',
          mustHave: true,
          weight: 3,
          text: 'Is every connection encrypted with TLS: yours to them, and theirs between their own systems?',
          help: 'Credentials and data cross networks you do not control. Plain-text traffic can be read or altered on the way, and one unencrypted hop is enough.',
          options: [
            { id: 'yes', label: 'Yes: TLS everywhere, enforced', score: 1 },
            { id: 'partial', label: 'TLS is available but optional, or internal hops are plain text', score: 0.4, why: 'Some traffic can travel unencrypted, by mistake or by design.' },
            { id: 'no', label: 'No: some connections are plain text', score: 0, knockout: 'critical', why: 'Credentials and data travel in plain text and can be read or changed on the way.' },
          ],
        },
        {
          id: 'sec_key_management',
          kind: 'single',
          text: 'Who holds the encryption keys?',
          help: 'Whoever holds the keys can read the data. With keys you control you can revoke the provider\'s access in an emergency and prove who decrypted what.',
          showWhen: { q: 'sec_encryption_at_rest', is: ['yes', 'partial'] },
          options: [
            { id: 'byok', label: 'We hold them: bring/hold your own key in our own KMS', score: 1 },
            { id: 'cmk', label: 'Customer-managed keys in the provider\'s KMS', score: 0.8, why: 'You control rotation and revocation, but the keys live with the provider.' },
            { id: 'provider_managed', label: 'Provider-managed keys only', score: 0.5, why: 'The provider can decrypt your data at any time and you cannot revoke that.' },
            { id: 'unknown', label: 'Not documented', score: 0, why: 'Nobody can say who is able to decrypt your data.' },
          ],
        },
        {
          id: 'sec_secrets_handling',
          kind: 'single',
          mustHave: true,
          weight: 3,
          text: 'How does the provider store the secrets you give it (connection strings, webhook secrets, API keys for integrations)?',
          help: 'Alerting and log services often hold keys to your other systems. If those are readable by their staff or shown back in full, one breach there opens your systems too.',
          options: [
            { id: 'vault', label: 'Encrypted in a secrets store; write-only once entered', score: 1 },
            { id: 'encrypted', label: 'Encrypted, but staff or the UI can read them back', score: 0.5, why: 'Your secrets can be read back by people at the provider or by anyone with a console login.' },
            { id: 'plain', label: 'Stored in plain text, or unknown', score: 0, knockout: 'high', why: 'A breach at the provider hands over the keys to your other systems.' },
            { id: 'none_given', label: 'We give them no secrets', score: 'na' },
          ],
        },
        {
          id: 'sec_vuln_management',
          kind: 'single',
          text: 'How does the provider handle vulnerabilities in its platform?',
          help: 'Infrastructure runs widely shared software; known holes get exploited within days. Stated patch timelines tell you how long you stay exposed.',
          options: [
            { id: 'documented', label: 'Documented process with patch timelines (e.g. critical within 72 hours)', score: 1 },
            { id: 'adhoc', label: 'They patch, but state no timelines', score: 0.5, why: 'There is no commitment on how long known holes stay open.' },
            { id: 'unknown', label: 'Cannot tell', score: 0, why: 'Nothing shows that known vulnerabilities get fixed at all.' },
          ],
        },
        {
          id: 'sec_certifications',
          kind: 'multi',
          combine: 'max',
          text: 'Which current security certifications or audit reports does the provider have?',
          help: 'An independent audit checks what you cannot check yourself: that controls exist and run all year. SOC 2 Type II and ISO 27001 carry most weight: either one scores full marks. The strongest report counts, so adding a weaker one never lowers the score.',
          options: [
            { id: 'soc2_type2', label: 'SOC 2 Type II', score: 1 },
            { id: 'iso27001', label: 'ISO/IEC 27001', score: 1 },
            { id: 'soc2_type1', label: 'SOC 2 Type I', score: 0.5, why: 'A Type I report checks the design of controls on one day, not that they work over time.' },
            { id: 'pci_dss', label: 'PCI DSS', score: 0.5 },
            { id: 'csa_star', label: 'CSA STAR', score: 0.3 },
            { id: 'none', label: 'None', score: 0, exclusive: true, why: 'No independent party has checked their security controls.' },
          ],
        },
        {
          id: 'sec_cert_report_date',
          kind: 'date',
          allowNa: true,
          weight: 0,
          optional: true,
          text: 'Date of the latest audit report you have seen',
          help: 'Reports go stale: a report older than about 15 months no longer covers the current year. Recording the date tells the next reviewer when to ask for a new one.',
          showWhen: { q: 'sec_certifications', is: ['soc2_type2', 'iso27001', 'soc2_type1', 'pci_dss', 'csa_star'] },
        },
        {
          id: 'sec_incident_history',
          kind: 'single',
          text: 'What security incidents has the provider had in the last 3 years?',
          help: 'Incidents happen to everyone; what matters is whether they were disclosed and explained. A provider that hid one will hide the next one that touches your data.',
          options: [
            { id: 'none', label: 'None known', score: 1 },
            { id: 'disclosed_handled', label: 'Disclosed, with a clear account and fixes', score: 0.8, why: 'They had a security incident, though they handled it openly.' },
            { id: 'disclosed_vague', label: 'Disclosed, but the account is vague', score: 0.3, why: 'They had an incident and did not explain what happened or what changed.' },
            { id: 'undisclosed', label: 'We learned of one from others (press, other customers)', score: 0, knockout: 'high', why: 'They kept a security incident from their customers, so you may not hear about the next one.' },
          ],
        },
        {
          id: 'sec_incident_details',
          kind: 'longtext',
          weight: 0,
          optional: true,
          text: 'What happened, and what did they change afterwards?',
          help: 'A short account with links to their disclosures lets the next reviewer judge whether the fixes held.',
          showWhen: { q: 'sec_incident_history', is: ['disclosed_handled', 'disclosed_vague', 'undisclosed'] },
        },
        {
          id: 'sec_breach_notification_hours',
          kind: 'number',
          weight: 2,
          unit: 'hours',
          plausible: { min: 0, max: 8760 },
          text: 'Within how many hours does the contract require them to tell you about a breach affecting your data?',
          help: 'You cannot rotate credentials or warn your users until you know. GDPR gives you 72 hours to notify your regulator, so their clock has to be shorter than yours. Answer in whole hours.',
          bands: [
            { min: 0, max: 25, score: 1, label: '24 hours or less' },
            { min: 25, max: 73, score: 0.5, label: '25 to 72 hours' },
            { min: 73, max: 721, score: 0, label: 'More than 72 hours' },
            { min: 721, score: 0, label: 'More than 30 days', knockout: 'high' },
          ],
        },
        {
          id: 'sec_pentest',
          kind: 'single',
          text: 'Is the platform penetration-tested?',
          help: 'An outside tester finds the holes that the provider\'s own engineers are blind to. A shared summary shows what was found and that it was fixed.',
          options: [
            { id: 'third_party_shared', label: 'Independent test at least yearly; summary shared with us', score: 1 },
            { id: 'third_party_private', label: 'Independent test, but no summary shared', score: 0.6, why: 'You have to take their word that the findings were fixed.' },
            { id: 'internal_only', label: 'Internal testing only', score: 0.3, why: 'Nobody from outside has tried to break in.' },
            { id: 'none', label: 'No testing, or unknown', score: 0, why: 'Nothing shows anyone has looked for holes in the platform.' },
          ],
        },
        {
          id: 'sec_pentest_date',
          kind: 'date',
          allowNa: true,
          weight: 0,
          optional: true,
          text: 'Date of the latest penetration test report',
          help: 'A test from years ago says little about today\'s platform. The date tells the next reviewer when the evidence expires.',
          showWhen: { q: 'sec_pentest', is: ['third_party_shared', 'third_party_private', 'internal_only'] },
        },
      ],
    },

    // ─────────────────────────────────────────────────────────────────────── Access
    {
      id: 'access-granularity',
      title: 'Access granularity',
      description: 'Whether access to the provider can be given, limited, traced and taken away one person and one token at a time.',
      weight: 3,
      questions: [
        {
          id: 'acc_individual_accounts',
          kind: 'single',
          mustHave: true,
          weight: 3,
          text: 'Does each person get their own account, or does everyone share one login, key or secret URL?',
          help: 'Only individual accounts let you remove one person when they leave, and see who did what. A shared credential has to be rotated everywhere each time someone leaves, which in practice means it never is.',
          options: [
            { id: 'individual', label: 'Every person has their own account', score: 1 },
            { id: 'individual_plus_shared', label: 'Own accounts, plus one shared root or admin credential', score: 0.4, knockout: 'medium', why: 'A shared root credential outlives every person who knew it.' },
            { id: 'shared', label: 'One shared login, key or secret URL for everyone', score: 0, knockout: 'high', why: 'Everyone shares one credential, so access cannot be revoked per person.' },
          ],
        },
        {
          id: 'acc_roles',
          kind: 'single',
          text: 'Can you limit what each account may do?',
          help: 'Most people need to read dashboards, not delete databases. Roles keep a mistake or a stolen login from doing the worst thing possible.',
          showWhen: { q: 'acc_individual_accounts', is: ['individual', 'individual_plus_shared'] },
          options: [
            { id: 'fine_grained', label: 'Custom roles or per-resource permissions', score: 1 },
            { id: 'fixed_roles', label: 'A few fixed roles (e.g. admin, member, read-only)', score: 0.7, why: 'Roles are coarse, so some people get more access than they need.' },
            { id: 'admin_only', label: 'Everyone is an admin', score: 0, why: 'Every account can do everything, including deleting your data.' },
          ],
        },
        {
          id: 'acc_sso',
          kind: 'yesno',
          text: 'Can people log in through your single sign-on (SAML or OIDC) on your plan?',
          help: 'With SSO, leaving your company ends access here too, and your password and MFA rules apply. Without it every provider is one more password to forget to remove.',
          options: [
            { id: 'yes', label: 'Yes, on our plan', score: 1 },
            { id: 'partial', label: 'Only on a more expensive plan than ours', score: 0.5, why: 'SSO exists but you are not paying for it, so logins are managed separately.' },
            { id: 'no', label: 'No', score: 0, why: 'Accounts here are not tied to your identity provider and are easy to forget when people leave.' },
          ],
        },
        {
          id: 'acc_mfa',
          kind: 'yesno',
          mustHave: true,
          weight: 3,
          text: 'Can you require multi-factor authentication for every account?',
          help: 'Passwords leak. If MFA is merely available, someone will not turn it on. Enforcement through your SSO counts as yes.',
          options: [
            { id: 'yes', label: 'Yes, we can enforce it', score: 1 },
            { id: 'partial', label: 'Available, but each person opts in', score: 0.5, why: 'Some accounts will be protected by a password alone.' },
            { id: 'no', label: 'No MFA', score: 0, knockout: 'high', why: 'A leaked password is enough to get in.' },
          ],
        },
        {
          id: 'acc_api_tokens',
          kind: 'single',
          text: 'Can API tokens be limited to specific resources and actions, and do they expire?',
          help: 'Tokens end up in CI systems and config files, where they leak. A scoped, expiring token limits what a leak can do and for how long.',
          options: [
            { id: 'scoped_expiring', label: 'Scoped to resources and actions, with expiry', score: 1 },
            { id: 'scoped', label: 'Scoped, but never expire', score: 0.7, why: 'A leaked token keeps working until someone notices and revokes it.' },
            { id: 'all_powerful', label: 'A token can do everything the account can', score: 0.2, why: 'Any leaked token gives full control of your account.' },
            { id: 'not_used', label: 'We will not use their API', score: 'na' },
          ],
        },
        {
          id: 'acc_audit_log',
          kind: 'single',
          mustHave: true,
          weight: 3,
          text: 'Is there an audit log of who logged in and what they changed?',
          help: 'After an incident the first question is who did what, and when. Without a log you cannot answer it, and neither can the provider.',
          options: [
            { id: 'full', label: 'Logins, permission changes and data access; exportable', score: 1 },
            { id: 'admin_only', label: 'Admin and configuration changes only', score: 0.6, why: 'You can see changes to settings but not who read or touched the data.' },
            { id: 'none', label: 'No audit log', score: 0, knockout: 'medium', why: 'Nobody can tell afterwards who did what.' },
          ],
        },
        {
          id: 'acc_audit_retention_days',
          kind: 'number',
          weight: 0.5,
          unit: 'days',
          plausible: { min: 0, max: 3650 },
          text: 'How many days is the audit log kept?',
          help: 'Breaches are often found months later. A log that only covers last week cannot tell you how it started.',
          showWhen: { q: 'acc_audit_log', is: ['full', 'admin_only'] },
          bands: [
            { min: 365, score: 1, label: 'A year or more' },
            { min: 90, max: 365, score: 0.7, label: '90 days to a year' },
            { min: 30, max: 90, score: 0.4, label: '30 to 89 days' },
            { max: 30, score: 0.1, label: 'Less than 30 days' },
          ],
        },
        {
          id: 'acc_support_access',
          kind: 'single',
          mustHave: true,
          weight: 3,
          text: 'Can the provider\'s staff reach your data or instance, and would you know?',
          help: 'Support engineers are the people with the widest access to your data. Approval or at least a visible log keeps that access accountable.',
          options: [
            { id: 'approval', label: 'Only after our explicit approval, and logged', score: 1 },
            { id: 'logged', label: 'Staff can access; every access is logged and visible to us', score: 0.6, why: 'Staff can look at your data without asking, though you can see that they did.' },
            { id: 'unrestricted', label: 'Staff can access without us knowing', score: 0, knockout: 'high', why: 'People at the provider can read your data and you would never know.' },
          ],
        },
      ],
    },

    // ─────────────────────────────────────────────────────────────────────── Maintenance
    {
      id: 'maintenance-windows',
      title: 'Maintenance windows',
      description: 'Planned work on their side: whether you hear about it in time, can steer it, and how much it disturbs you.',
      weight: 2,
      questions: [
        {
          id: 'mnt_published_schedule',
          kind: 'yesno',
          text: 'Is planned maintenance announced on a published schedule?',
          help: 'You can only prepare (freeze deploys, warn your users, staff up) for maintenance you know about.',
          options: [
            { id: 'yes', label: 'Yes, on a published calendar or feed', score: 1 },
            { id: 'partial', label: 'Announced, but ad hoc', score: 0.5, why: 'Maintenance is announced, but not somewhere you can follow reliably.' },
            { id: 'no', label: 'No', score: 0, why: 'Planned work on their side reaches you as a surprise.' },
          ],
        },
        {
          id: 'mnt_choose_window',
          kind: 'yesno',
          text: 'Can you choose when maintenance happens on your resources?',
          help: 'Their quiet hours may be your busiest. Choosing the window keeps disruptions away from your peaks and your releases.',
          options: [
            { id: 'yes', label: 'Yes, we pick the day and hour', score: 1 },
            { id: 'partial', label: 'We can choose between a few slots, or postpone once', score: 0.5, why: 'You can steer maintenance only a little.' },
            { id: 'no', label: 'No, they decide', score: 0, why: 'Maintenance may land in your busiest hour.' },
          ],
        },
        {
          id: 'mnt_choose_window_api',
          kind: 'yesno',
          weight: 0.5,
          text: 'Can you set the maintenance window by API or infrastructure-as-code?',
          help: 'A window set by hand in a console is forgotten for the next environment. Setting it in code keeps every environment the same.',
          showWhen: { q: 'mnt_choose_window', is: ['yes', 'partial'] },
          options: [
            { id: 'yes', label: 'Yes, by API or Terraform-style provider', score: 1 },
            { id: 'no', label: 'Only by hand in the web console', score: 0, why: 'The window has to be set by hand for every environment.' },
          ],
        },
        {
          id: 'mnt_notice_hours',
          kind: 'number',
          weight: 2,
          unit: 'hours',
          plausible: { min: 0, max: 2160 },
          text: 'How many hours of notice do you get before planned maintenance?',
          help: 'Notice is what turns maintenance from an incident into a plan. Three days lets you move a release or warn customers; a few hours does not.',
          bands: [
            { min: 72, score: 1, label: '72 hours or more' },
            { min: 24, max: 72, score: 0.5, label: '24 hours to under 72' },
            { max: 24, score: 0, label: 'Less than 24 hours' },
          ],
        },
        {
          id: 'mnt_duration_minutes',
          kind: 'number',
          allowNa: true,
          unit: 'minutes',
          plausible: { min: 0, max: 1440 },
          text: 'How many minutes does a typical maintenance disrupt your service? (0 if it does not)',
          help: 'Short disruptions ride on retries; long ones need a plan, a banner and possibly a fallback.',
          bands: [
            { min: 0, max: 5, score: 1, label: 'Under 5 minutes' },
            { min: 5, max: 30, score: 0.7, label: '5 to 29 minutes' },
            { min: 30, max: 120, score: 0.3, label: '30 minutes to 2 hours' },
            { min: 120, score: 0, label: '2 hours or more' },
          ],
        },
        {
          id: 'mnt_frequency_per_month',
          kind: 'number',
          allowNa: true,
          unit: 'per month',
          plausible: { min: 0, max: 100 },
          text: 'How many maintenance events per month affect your resources, on average?',
          help: 'Each event costs you attention and risk. Frequent maintenance adds up even when each one is short.',
          bands: [
            { min: 0, max: 1, score: 1, label: 'Less than once a month' },
            { min: 1, max: 3, score: 0.6, label: '1 to 2 a month' },
            { min: 3, score: 0.2, label: '3 or more a month' },
          ],
        },
        {
          id: 'mnt_zero_downtime',
          kind: 'yesno',
          text: 'Is maintenance done without downtime (rolling updates or failover)?',
          help: 'If they can patch without taking you offline, maintenance stops being your problem.',
          options: [
            { id: 'yes', label: 'Yes, no downtime', score: 1 },
            { id: 'partial', label: 'A few seconds of reconnects', score: 0.6, why: 'Connections drop briefly, so your clients must retry.' },
            { id: 'no', label: 'No, there is downtime', score: 0, why: 'Every maintenance takes you offline.' },
          ],
        },
        {
          id: 'mnt_emergency',
          kind: 'single',
          text: 'How is emergency (unplanned) maintenance handled?',
          help: 'Urgent security patches cannot wait for a window. What matters is that you hear about it while it happens and learn why afterwards.',
          options: [
            { id: 'announced_explained', label: 'Announced as soon as possible and explained afterwards', score: 1 },
            { id: 'announced', label: 'Announced, never explained', score: 0.5, why: 'You are told it happens but not why, so you cannot judge the risk.' },
            { id: 'silent', label: 'Happens without notice', score: 0, why: 'Unannounced maintenance looks like an outage from your side.' },
          ],
        },
      ],
    },

    // ─────────────────────────────────────────────────────────────────────── Incident transparency
    {
      id: 'incident-transparency',
      title: 'Incident transparency',
      description: 'When they break, whether you find out quickly, from them, and get an honest account afterwards.',
      weight: 2,
      questions: [
        {
          id: 'inc_status_page',
          kind: 'single',
          text: 'Does the provider keep a status page that is actually updated during incidents?',
          help: 'During an outage you need to know at once whether the fault is yours or theirs. A status page that stays green while things burn is worse than none.',
          options: [
            { id: 'active', label: 'Yes, updated during incidents, with e-mail/RSS/webhook subscriptions', score: 1 },
            { id: 'stale', label: 'Exists, but often silent while things are broken', score: 0.3, why: 'Their status page cannot be trusted during an outage.' },
            { id: 'none', label: 'No status page', score: 0, why: 'There is nowhere to check whether an outage is theirs.' },
          ],
        },
        {
          id: 'inc_history_visible',
          kind: 'yesno',
          text: 'Is the incident history of the last 12 months visible?',
          help: 'The history is the only honest record of their reliability. It shows how often they fail and how long it takes them to recover.',
          options: [
            { id: 'yes', label: 'Yes, 12 months or more', score: 1 },
            { id: 'partial', label: 'Only recent or open incidents', score: 0.5, why: 'You cannot see how reliable they have been over time.' },
            { id: 'no', label: 'No', score: 0, why: 'Their reliability cannot be checked.' },
          ],
        },
        {
          id: 'inc_postmortems',
          kind: 'single',
          text: 'Do they publish postmortems with root cause and follow-up actions?',
          help: 'A postmortem shows whether they understood what broke and fixed the cause, or will break the same way again.',
          options: [
            { id: 'public', label: 'Public postmortems for significant incidents', score: 1 },
            { id: 'on_request', label: 'Private, on request', score: 0.6, why: 'Root causes are only shared if you ask.' },
            { id: 'none', label: 'No postmortems', score: 0, why: 'Nothing shows they learn from outages.' },
          ],
        },
        {
          id: 'inc_first_update_minutes',
          kind: 'number',
          unit: 'minutes',
          plausible: { min: 0, max: 1440 },
          text: 'How many minutes after an incident starts do they typically post the first update?',
          help: 'Until they speak you are debugging your own systems for a fault that is not yours. Look at their incident history for real numbers rather than promises.',
          bands: [
            { min: 0, max: 15, score: 1, label: 'Under 15 minutes' },
            { min: 15, max: 30, score: 0.8, label: '15 to 29 minutes' },
            { min: 30, max: 60, score: 0.5, label: '30 to 59 minutes' },
            { min: 60, score: 0, label: 'An hour or more' },
          ],
        },
        {
          id: 'inc_sla_credits',
          kind: 'single',
          text: 'Is there an availability SLA, and what happens when they miss it?',
          help: 'Credits rarely cover your losses, but an SLA with remedies shows the provider measures its uptime and has something at stake.',
          options: [
            { id: 'credits_auto', label: 'SLA with credits applied automatically', score: 1 },
            { id: 'credits_claim', label: 'SLA with credits you have to claim', score: 0.7, why: 'Credits only arrive if someone notices and files a claim in time.' },
            { id: 'target_only', label: 'An uptime target without remedies', score: 0.3, why: 'Missing the target costs them nothing.' },
            { id: 'none', label: 'No SLA', score: 0, why: 'They promise no availability at all.' },
          ],
        },
        {
          id: 'inc_sla_uptime_percent',
          kind: 'number',
          unit: '%',
          plausible: { min: 90, max: 100 },
          text: 'What monthly uptime does the SLA promise, in percent?',
          help: '99.9% allows about 43 minutes of downtime a month; 99.5% allows about 3.6 hours. Compare it with what your own users are promised.',
          showWhen: { q: 'inc_sla_credits', is: ['credits_auto', 'credits_claim', 'target_only'] },
          bands: [
            { min: 99.95, score: 1, label: '99.95% or more' },
            { min: 99.9, max: 99.95, score: 0.7, label: '99.9% to 99.95%' },
            { min: 99.5, max: 99.9, score: 0.4, label: '99.5% to 99.9%' },
            { max: 99.5, score: 0.1, label: 'Below 99.5%' },
          ],
        },
        {
          id: 'inc_downtime_communication',
          kind: 'single',
          text: 'How do you hear about downtime that affects you?',
          help: 'Your on-call should hear about their outage from them, not from your customers. Direct notice to your contacts also covers incidents too small for the status page.',
          options: [
            { id: 'proactive', label: 'Direct notice to our contacts, plus the status page', score: 1 },
            { id: 'status_page_only', label: 'Only on the status page', score: 0.6, why: 'You have to go and look; nobody tells you.' },
            { id: 'we_find_out', label: 'We find out ourselves, or from our users', score: 0, why: 'Their outages reach you through your own customers.' },
          ],
        },
      ],
    },

    // ─────────────────────────────────────────────────────────────────────── Tenancy and availability
    {
      id: 'tenancy-availability',
      title: 'Tenancy and availability',
      description: 'What you share with other customers, and what survives when a machine, a zone or a region fails.',
      weight: 2,
      questions: [
        {
          id: 'ten_model',
          kind: 'single',
          text: 'Do your resources run on shared (multi-tenant) or dedicated infrastructure?',
          help: 'On shared infrastructure other customers\' load, mistakes and attacks can reach you; isolation then depends on the provider\'s engineering.',
          options: [
            { id: 'dedicated', label: 'Dedicated to us', score: 1 },
            { id: 'hybrid', label: 'Shared control plane, dedicated data plane', score: 0.8, why: 'The management layer is shared with other customers.' },
            { id: 'multi_tenant', label: 'Shared with other customers (multi-tenant)', score: 0.6, why: 'Your workload shares machines with other customers; isolation depends on the provider.' },
          ],
        },
        {
          id: 'ten_noisy_neighbour',
          kind: 'single',
          text: 'How are you protected from other customers\' load (noisy neighbours)?',
          help: 'On shared systems one customer\'s spike can slow everyone. Per-tenant quotas keep their bad day from becoming yours.',
          showWhen: { q: 'ten_model', is: ['multi_tenant', 'hybrid'] },
          options: [
            { id: 'enforced', label: 'Per-tenant quotas and isolation, documented and enforced', score: 1 },
            { id: 'best_effort', label: 'Some isolation, not guaranteed', score: 0.5, why: 'Other customers\' spikes can still slow you down.' },
            { id: 'none', label: 'None that we know of', score: 0, why: 'Any other customer\'s load can slow you down or take you out.' },
          ],
        },
        {
          id: 'ten_ha_failover',
          kind: 'single',
          text: 'What happens when the machine running your resources fails?',
          help: 'Hardware fails routinely at provider scale. Automatic failover across zones turns that into a blip instead of an outage.',
          options: [
            { id: 'auto_multi_zone', label: 'Automatic failover across zones, tested', score: 1 },
            { id: 'auto_single_zone', label: 'Automatic failover within one zone', score: 0.6, why: 'A zone outage takes you down with it.' },
            { id: 'manual', label: 'Manual failover or restore', score: 0.3, why: 'Recovery waits for a person to notice and act.' },
            { id: 'none', label: 'Single instance, no failover', score: 0, why: 'One failed machine means you are down until it is replaced.' },
          ],
        },
        {
          id: 'ten_backups',
          kind: 'single',
          text: 'Are your data backed up, and has a restore been tested?',
          help: 'A backup nobody has restored is a hope, not a backup. Point-in-time recovery also covers the commonest loss: your own bad migration.',
          options: [
            { id: 'tested', label: 'Automatic backups; restores tested regularly', score: 1 },
            { id: 'untested', label: 'Automatic backups; restore never tested or shown', score: 0.5, why: 'Nobody knows whether the backups can actually be restored.' },
            { id: 'none', label: 'No backups we can rely on', score: 0, knockout: 'high', why: 'If they lose the data, it is gone.' },
            { id: 'stateless', label: 'Nothing to back up: the service keeps no data of ours', score: 'na' },
          ],
        },
        {
          id: 'ten_rpo_minutes',
          kind: 'number',
          unit: 'minutes',
          plausible: { min: 0, max: 43200 },
          text: 'At most how many minutes of data could be lost when restoring (recovery point)?',
          help: 'Nightly backups mean a day of lost orders, messages or logs. Compare this with what your own users would tolerate losing.',
          showWhen: { q: 'ten_backups', is: ['tested', 'untested'] },
          bands: [
            { min: 0, max: 5, score: 1, label: 'Under 5 minutes' },
            { min: 5, max: 60, score: 0.7, label: '5 to 59 minutes' },
            { min: 60, max: 1440, score: 0.4, label: '1 hour to a day' },
            { min: 1440, score: 0.1, label: 'A day or more' },
          ],
        },
        {
          id: 'ten_regions',
          kind: 'single',
          text: 'How widely are your resources spread?',
          help: 'Whole zones and occasionally whole regions go down. Spreading wider is what keeps you up when that happens.',
          options: [
            { id: 'multi_region', label: 'Several regions, with failover we can use', score: 1 },
            { id: 'multi_zone', label: 'One region, several zones', score: 0.7, why: 'A regional outage takes you down.' },
            { id: 'single_site', label: 'One data centre or zone', score: 0.2, why: 'One building\'s power or network failure takes you down.' },
          ],
        },
      ],
    },

    // ─────────────────────────────────────────────────────────────────────── Scaling and limits
    {
      id: 'scaling-limits',
      title: 'Scaling and limits',
      description: 'What happens when you grow into the edges of your plan.',
      weight: 1,
      questions: [
        {
          id: 'scl_limits_documented',
          kind: 'yesno',
          text: 'Are all limits and quotas documented, with your current usage visible?',
          help: 'Every plan has limits: connections, message size, ingest rate. Undocumented ones are found in production, at the worst moment.',
          options: [
            { id: 'yes', label: 'Yes, documented with usage shown', score: 1 },
            { id: 'partial', label: 'Documented, but usage not visible', score: 0.5, why: 'You cannot see how close you are to a limit.' },
            { id: 'no', label: 'No', score: 0, why: 'You learn the limits by hitting them.' },
          ],
        },
        {
          id: 'scl_limit_behaviour',
          kind: 'single',
          weight: 2,
          text: 'What happens when you hit a limit?',
          help: 'Throttling with clear errors lets your code back off and retry. Silent dropping of data (messages, logs, alerts) is the worst case: you lose data and do not know it.',
          options: [
            { id: 'throttle_warn', label: 'Warnings before the limit, then throttling with clear errors', score: 1 },
            { id: 'throttle', label: 'Throttling or rejection with clear errors, no warning', score: 0.6, why: 'You only learn about the limit when requests start failing.' },
            { id: 'hard_failure', label: 'The service stops working for us', score: 0.2, why: 'Reaching a limit becomes an outage.' },
            { id: 'silent_loss', label: 'Data is dropped without an error', score: 0, knockout: 'high', why: 'Data is lost without any error, so you cannot even retry.' },
          ],
        },
        {
          id: 'scl_upgrade_no_downtime',
          kind: 'yesno',
          allowNa: true,
          text: 'Can you move to a bigger plan without downtime?',
          help: 'You usually need to upgrade exactly when you are busiest. An upgrade that needs a migration or downtime cannot happen then.',
          options: [
            { id: 'yes', label: 'Yes, takes effect without downtime', score: 1 },
            { id: 'partial', label: 'A brief interruption', score: 0.5, why: 'Upgrading costs a short outage.' },
            { id: 'no', label: 'Needs a migration with downtime', score: 0, why: 'Growing past your plan means planned downtime.' },
          ],
        },
        {
          id: 'scl_scaling_control',
          kind: 'single',
          allowNa: true,
          text: 'How do you add capacity?',
          help: 'Traffic spikes do not wait for a sales call. The faster you can add capacity yourself, the less a spike hurts.',
          options: [
            { id: 'automatic', label: 'Automatically, within limits we set', score: 1 },
            { id: 'self_service', label: 'Ourselves, on demand, in minutes', score: 0.8, why: 'Someone has to notice the load and act.' },
            { id: 'ticket', label: 'Through a support ticket or sales', score: 0.3, why: 'Adding capacity takes days and someone else\'s approval.' },
          ],
        },
      ],
    },

    // ─────────────────────────────────────────────────────────────────────── Operational insight
    {
      id: 'operational-insight',
      title: 'Operational insight',
      description: 'How much of their side you can see when something is slow or failing, and how quickly a human helps.',
      weight: 1,
      questions: [
        {
          id: 'ops_metrics',
          kind: 'single',
          text: 'Which metrics about their side of your resources can you see?',
          help: 'When your service is slow you need to tell at a glance whether the queue, database or log pipeline behind it is the cause.',
          options: [
            { id: 'detailed', label: 'Latency, errors, saturation per resource', score: 1 },
            { id: 'basic', label: 'Basic: up/down and usage', score: 0.5, why: 'You can see that something is wrong but not what.' },
            { id: 'none', label: 'None', score: 0, why: 'Their side is a black box when you debug.' },
          ],
        },
        {
          id: 'ops_logs',
          kind: 'yesno',
          text: 'Can you see logs from their side (slow queries, rejected requests, connection errors)?',
          help: 'Their logs often hold the one line that explains your incident. Without them you are guessing or waiting on support.',
          options: [
            { id: 'yes', label: 'Yes, self-service', score: 1 },
            { id: 'partial', label: 'Only through a support ticket', score: 0.4, why: 'Getting the logs takes a ticket and a wait.' },
            { id: 'no', label: 'No', score: 0, why: 'You cannot see why their side failed.' },
          ],
        },
        {
          id: 'ops_export',
          kind: 'multi',
          text: 'How can you export metrics, logs and events into your own tools?',
          help: 'Your on-call looks at your dashboards and your alerts, not at a dozen provider consoles. A standard export puts their signals next to yours.',
          showWhen: {
            any: [
              { q: 'ops_metrics', is: ['detailed', 'basic'] },
              { q: 'ops_logs', is: ['yes', 'partial'] },
            ],
          },
          options: [
            { id: 'prometheus', label: 'Prometheus / OpenMetrics endpoint', score: 0.6 },
            { id: 'otel', label: 'OpenTelemetry', score: 0.6 },
            { id: 'log_drain', label: 'Log drain or stream to our log store', score: 0.4 },
            { id: 'api', label: 'An API we can poll', score: 0.3 },
            { id: 'webhooks', label: 'Webhooks for events', score: 0.2 },
            { id: 'none', label: 'None', score: 0, exclusive: true, why: 'Their signals stay in their console, away from your alerts.' },
          ],
        },
        {
          id: 'ops_support_response',
          kind: 'single',
          text: 'How quickly does support respond to an urgent issue on your plan?',
          help: 'When their platform is the cause, only they can fix it. Check the response time for your plan, not their best plan.',
          options: [
            { id: 'under_1h', label: 'Under an hour, around the clock', score: 1 },
            { id: 'same_day', label: 'Same business day', score: 0.6, why: 'An outage outside office hours waits until morning.' },
            { id: 'days', label: 'Days', score: 0.2, why: 'Urgent problems wait days for a human.' },
            { id: 'community', label: 'Community forum only', score: 0, why: 'Nobody at the provider is obliged to help you.' },
          ],
        },
      ],
    },

    // ─────────────────────────────────────────────────────────────────────── Dependency and exit
    {
      id: 'dependency-exit',
      title: 'Dependency and exit',
      description: 'How much you depend on them, and whether you could leave if you had to.',
      weight: 1,
      questions: [
        {
          id: 'ext_critical_path',
          kind: 'yesno',
          text: 'When this provider is down, can you keep working?',
          help: 'A provider on your critical path turns each of its outages into yours. Graceful degradation (queueing, caching, a fallback) limits the damage.',
          options: [
            { id: 'yes', label: 'Yes: we keep working without them', score: 1, implies: { criticalPath: false } },
            { id: 'partial', label: 'Partly: some features stop, the core keeps working', score: 0.6, why: 'Some of your features stop when they do.' },
            { id: 'no', label: 'No: when they are down, we are down', score: 0.2, implies: { criticalPath: true }, why: 'Their outages become your outages.' },
          ],
        },
        {
          id: 'ext_data_export',
          kind: 'single',
          weight: 2,
          text: 'Can you export all your data in an open format?',
          help: 'Leaving, auditing or recovering from their mistake all need your data in a form other tools can read.',
          options: [
            { id: 'open_format', label: 'Any time, self-service, in an open format (e.g. pg_dump, JSON, Parquet)', score: 1 },
            { id: 'proprietary', label: 'Only in a proprietary format', score: 0.4, why: 'Your data comes out in a form only this provider reads.' },
            { id: 'on_request', label: 'Only on request, at the end of the contract', score: 0.3, why: 'You depend on their goodwill to get your data back.' },
            { id: 'none', label: 'No export', score: 0, knockout: 'high', why: 'There is no way to get your data out, so you cannot leave.' },
          ],
        },
        {
          id: 'ext_substitutability',
          kind: 'single',
          text: 'How easily could another provider replace them?',
          help: 'A standard protocol (Postgres, AMQP, syslog, SMTP) keeps alternatives one configuration change away. Proprietary features tie your code to them.',
          options: [
            { id: 'drop_in', label: 'Standard protocol; alternatives are drop-in', score: 1 },
            { id: 'changes_needed', label: 'Alternatives exist, but need code changes', score: 0.5, why: 'Switching provider means engineering work.' },
            { id: 'locked_in', label: 'We rely on features nobody else offers', score: 0, why: 'There is nowhere to go without a rewrite.' },
          ],
        },
        {
          id: 'ext_exit_plan',
          kind: 'yesno',
          text: 'Do you have a written exit plan for this provider?',
          help: 'Providers get acquired, change prices and shut down products. A plan written calmly beats one improvised under a deadline.',
          options: [
            { id: 'yes', label: 'Yes, written and tried', score: 1 },
            { id: 'partial', label: 'A rough plan, never tried', score: 0.5, why: 'The plan has not been tested and may not work.' },
            { id: 'no', label: 'No', score: 0, why: 'Leaving would be improvised under pressure.' },
          ],
        },
        {
          id: 'ext_contract_term',
          kind: 'single',
          allowNa: true,
          text: 'How long are you committed to them?',
          help: 'A long commitment keeps you paying for a provider that stopped serving you well.',
          options: [
            { id: 'monthly', label: 'Month to month', score: 1 },
            { id: 'annual', label: 'One year', score: 0.6, why: 'Leaving early means paying out the year.' },
            { id: 'multi_year', label: 'Several years', score: 0.3, why: 'You are locked in for years whatever happens.' },
          ],
        },
      ],
    },

    // ─────────────────────────────────────────────────────────────────────── Data and privacy
    {
      id: 'data-privacy',
      title: 'Data and privacy',
      description: 'Personal data the provider handles for you, where it lives, who else touches it, and what happens to it when you leave.',
      weight: 1,
      questions: [
        {
          id: 'prv_personal_data',
          kind: 'single',
          mustHave: true,
          weight: 0,
          text: 'Will the provider process personal data (of your users or your staff)?',
          help: 'Logs, queues and alert payloads carry personal data more often than anyone intends: e-mail addresses, IPs, user ids. If they do, data protection law applies to this provider. This answer decides which privacy questions follow.',
          options: [
            { id: 'users', label: 'Yes, our users\' personal data', score: 1, implies: { personalData: true } },
            { id: 'staff_only', label: 'Only our staff\'s (account names and e-mails)', score: 1 },
            { id: 'none', label: 'No personal data reaches them', score: 1, implies: { personalData: false } },
          ],
        },
        {
          id: 'prv_data_location',
          kind: 'single',
          text: 'Where is the data stored and processed?',
          help: 'Some laws and customers require data to stay in a given region. You need to know where it is, and ideally choose.',
          showWhen: { q: 'prv_personal_data', is: ['users', 'staff_only'] },
          options: [
            { id: 'choosable', label: 'We choose the region, and the contract fixes it', score: 1 },
            { id: 'disclosed', label: 'Disclosed, but not our choice', score: 0.6, why: 'You know where the data is but cannot keep it there.' },
            { id: 'unknown', label: 'Not disclosed', score: 0, implies: { locationsKnown: false }, why: 'Nobody can say which country\'s law applies to your data.' },
          ],
        },
        {
          id: 'prv_subprocessors',
          kind: 'single',
          text: 'Are their subprocessors (the providers they use) disclosed?',
          help: 'Your data flows on to their own providers. You are accountable for that chain, so you need to see it and hear before it changes.',
          showWhen: { q: 'prv_personal_data', is: ['users', 'staff_only'] },
          options: [
            { id: 'listed_notified', label: 'Public list, with notice before changes', score: 1 },
            { id: 'listed', label: 'Public list, no notice of changes', score: 0.6, why: 'New parties can start handling your data without you hearing.' },
            { id: 'unknown', label: 'Not disclosed', score: 0, why: 'You cannot tell who else handles your data.' },
          ],
        },
        {
          id: 'prv_dpa',
          kind: 'yesno',
          mustHave: true,
          weight: 2,
          text: 'Is a data processing agreement (DPA) signed?',
          help: 'Under GDPR a processor needs a written contract saying what it may do with personal data. Without it the processing itself is unlawful.',
          showWhen: { q: 'prv_personal_data', is: ['users', 'staff_only'] },
          options: [
            { id: 'yes', label: 'Yes, signed (with standard contractual clauses where data leaves the EU)', score: 1 },
            { id: 'partial', label: 'Offered, not yet signed', score: 0.5, why: 'The agreement exists but does not bind anyone yet.' },
            { id: 'no', label: 'No DPA available', score: 0, knockout: 'high', why: 'Processing personal data without a DPA is unlawful under GDPR.' },
          ],
        },
        {
          id: 'prv_transfer_mechanism',
          kind: 'single',
          text: 'Where personal data leaves the EEA or the UK, what makes the transfer lawful?',
          help: 'A privacy statement has to name the safeguard for every transfer outside the EEA and the UK: an adequacy decision for the country (such as the EU–US Data Privacy Framework for a certified company), standard contractual clauses, or binding corporate rules. The subprocessor list prints this answer.',
          showWhen: { q: 'prv_personal_data', is: ['users', 'staff_only'] },
          options: [
            { id: 'not_needed', label: 'Not needed: the data stays in the EEA and the UK', score: 'na' },
            { id: 'adequacy', label: 'An adequacy decision covers the destination', score: 1 },
            { id: 'sccs', label: 'Standard contractual clauses', score: 1 },
            { id: 'bcrs', label: 'Binding corporate rules', score: 1 },
            { id: 'none', label: 'None, or unknown', score: 0, why: 'A transfer without a safeguard is unlawful, and the privacy statement cannot name one.' },
          ],
        },
        {
          id: 'prv_deletion_on_exit',
          kind: 'single',
          mustHave: true,
          weight: 2,
          text: 'What happens to your data, including backups, when you leave?',
          help: 'Data kept after the contract ends is still a liability of yours if it leaks. A stated deletion time, with confirmation, closes that door.',
          options: [
            { id: 'confirmed', label: 'Deleted within a stated time, with written confirmation', score: 1 },
            { id: 'stated', label: 'Deleted, but no stated time or confirmation', score: 0.5, why: 'You cannot tell when, or whether, your data is really gone.' },
            { id: 'retained', label: 'Kept indefinitely, or unknown', score: 0, knockout: 'medium', why: 'Your data may outlive your contract indefinitely.' },
          ],
        },
      ],
    },

    // ─────────────────────────────────────────────────────────────────────── Cost
    {
      id: 'cost',
      title: 'Cost',
      description: 'Whether the bill can surprise you. The fee and the effort to build and run it yourself are kept in the provider profile, with their currency and period.',
      weight: 0.25,
      questions: [
        {
          id: 'cost_predictable',
          kind: 'single',
          text: 'Is the pricing predictable?',
          help: 'Usage-based pricing without caps turns a traffic spike, a retry storm or a logging mistake into a surprise invoice.',
          options: [
            { id: 'fixed', label: 'Flat or tiered: we know the bill in advance', score: 1 },
            { id: 'usage_capped', label: 'Usage-based, with caps or spending alerts', score: 0.7, why: 'The bill moves with usage, though you get warned.' },
            { id: 'usage_uncapped', label: 'Usage-based, no cap or alert', score: 0.2, why: 'A spike or a bug can multiply the bill before anyone notices.' },
          ],
        },
      ],
    },
  ],
} as const satisfies TemplateInput;
