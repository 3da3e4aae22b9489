export function NotFoundPage() {
  return (
    <div class="page page-narrow">
      <div class="empty-state">
        <h1 data-autofocus tabindex="-1">
          Page not found
        </h1>
        <p>That address doesn't lead anywhere in Switchboard.</p>
        <a class="button" href="/">
          Go to the inbox
        </a>
      </div>
    </div>
  );
}
