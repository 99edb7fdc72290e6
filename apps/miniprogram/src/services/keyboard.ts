/** WeChat has no keyboard navigation to set up: see keyboard.h5.ts for the browser build. */
export function installKeyboard(): void {}
