// PLACEHOLDER: the maintenance calendar across providers (week and month views).
export function CalendarPage() {
  return (
    <section className="page">
      <h1>Maintenance calendar</h1>
    </section>
  );
}
