// The questionnaire's keyboard, in one list: the ? overlay shows it (docs/keyboard.md says the same).

export interface Shortcut {
  /** Each entry is one key or chord, shown as a key cap; alternatives are listed side by side. */
  keys: readonly string[];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: readonly Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Moving',
    shortcuts: [
      { keys: ['Tab', 'Shift+Tab'], action: 'Next or previous question: each question is one stop' },
      { keys: ['J', 'K'], action: 'Next or previous question' },
      { keys: ['N'], action: 'Next unanswered question (Alt+N also from a text box)' },
      { keys: ['←', '→'], action: "Between the question's controls: options, Not applicable, comment, Why this matters…" },
      { keys: ['Home', 'End'], action: "The question's first or last control" },
    ],
  },
  {
    title: 'Answering',
    shortcuts: [
      { keys: ['1–9'], action: 'Choose that option (multiple choice: tick or untick it)' },
      { keys: ['↑', '↓'], action: 'In the options: the option above or below (↑ ↓ elsewhere move like ← →)' },
      { keys: ['A'], action: 'Not applicable on or off; the focus goes into the box for the reason' },
      { keys: ['C'], action: 'Comment: the focus goes into the comment box' },
      { keys: ['Esc'], action: 'Out of a text box, back to its question' },
    ],
  },
  {
    title: 'Help',
    shortcuts: [{ keys: ['?'], action: 'This list (Esc closes it)' }],
  },
];
