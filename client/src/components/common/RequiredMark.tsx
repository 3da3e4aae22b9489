/** The visible "required" star after a label; the field itself carries `aria-required`. */
export function RequiredMark() {
  return (
    <span class="required-mark" aria-hidden="true">
      *
    </span>
  );
}
