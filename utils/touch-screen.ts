/** Whether this device has a touch screen: "Tap to explain" is on by default where it does. */
export function hasTouchScreen(): boolean {
  // A laptop with a touch screen counts: any of its pointers may be a finger.
  return navigator.maxTouchPoints > 0 || matchMedia('(any-pointer: coarse)').matches;
}
