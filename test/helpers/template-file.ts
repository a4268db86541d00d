// A small template in Vetted's own format, for tests that import one.

/** A small Vetted template file: one section, one yes/no question whose id says which template it is. */
export function templateText(id: string, name: string, version = 1): string {
  return JSON.stringify({
    $schema: 'vetted-template/1',
    id,
    version,
    name,
    sections: [
      {
        id: 'basics',
        title: 'Basics',
        questions: [
          {
            id: `${id.replace(/[^A-Za-z0-9]/g, '_')}_q1`,
            kind: 'yesno',
            // Each version asks in other words, so a newer version is other content (an import of the
            // same content under another version number stores nothing).
            text: version === 1 ? `Does ${name} apply?` : `Does ${name} apply (version ${version})?`,
            options: [
              { id: 'yes', label: 'Yes', score: 1 },
              { id: 'no', label: 'No', score: 0 },
            ],
          },
        ],
      },
    ],
  });
}
