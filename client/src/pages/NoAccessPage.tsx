export function NoAccessPage() {
  return (
    <div class="page page-narrow">
      <div class="empty-state">
        <h1 data-autofocus tabindex="-1">
          You don't have access to this page
        </h1>
        <p>Ask an admin if you need it for your work.</p>
        <a class="button" href="/">
          Go to the inbox
        </a>
      </div>
    </div>
  );
}
