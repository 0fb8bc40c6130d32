export function Component() {
  return <p>TODO edit-account</p>;
}
