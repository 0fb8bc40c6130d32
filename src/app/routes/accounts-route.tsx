export function Component() {
  return <p>TODO accounts</p>;
}
