/** What the response-time numbers mean, one plain sentence per term. */
export function ResponseTimesDefinition() {
  return (
    <dl class="report-terms">
      <dt>Reply time</dt>
      <dd>
        How long a student waited after texting until a person on staff texted back. Automatic
        replies don't count.
      </dd>
      <dt>First response</dt>
      <dd>The same, but only for the first text of a new or reopened conversation.</dd>
      <dt>Median</dt>
      <dd>Half of the replies were faster than this, half slower.</dd>
      <dt>90th percentile</dt>
      <dd>9 in 10 replies were faster than this; it shows the slow ones.</dd>
      <dt>Who and when</dt>
      <dd>
        Each wait counts for the person who replied and their teams, on the day the student wrote.
      </dd>
    </dl>
  );
}
