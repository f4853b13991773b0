/**
 * A form's submit handler: the page stays where it is (no navigation) and `action` runs; what it
 * returns (a task's promise, which never rejects) is not awaited.
 */
export function onSubmit(action: () => unknown): (e: SubmitEvent) => void {
  return (e) => {
    e.preventDefault();
    void action();
  };
}
