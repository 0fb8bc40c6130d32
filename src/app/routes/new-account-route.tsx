export function Component() {
  return <p>TODO new-account</p>;
}
