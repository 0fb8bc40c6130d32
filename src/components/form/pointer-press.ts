/**
 * Whether a mouse button, finger or pen is down on the page right now. A press on a button
 * blurs the field being typed in, and the click only happens on release: anything shown in
 * between moves the button from under the pointer and the click is lost.
 */
let pressed = false;
let press = 0;
const listeners = new Set<() => void>();
let watching = false;

function set(value: boolean) {
  if (pressed === value) return;
  pressed = value;
  for (const listener of listeners) listener();
}

function onPress() {
  press += 1;
  set(true);
}

// The click comes after the release; waiting a task lets it land before anything moves.
function onRelease() {
  const released = press;
  setTimeout(() => {
    if (press === released) set(false);
  }, 0);
}

function onClick() {
  set(false);
}

function watch() {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener('pointerdown', onPress, true);
  window.addEventListener('mousedown', onPress, true);
  for (const type of ['pointerup', 'pointercancel', 'mouseup', 'dragend']) window.addEventListener(type, onRelease, true);
  window.addEventListener('click', onClick);
  window.addEventListener('blur', onClick);
}

export function subscribeToPointerPress(listener: () => void) {
  watch();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isPointerPressed() {
  return pressed;
}
